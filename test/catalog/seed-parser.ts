/**
 * Reads the code tables of the providers' seed documents (../shared/seeds, beside
 * the repository). Only the freshness test uses it, and only when the seeds are
 * there: the catalog itself never reads them.
 */
export interface SeedCode {
  code: string | number;
  httpStatus: number[];
}

/** Markdown table rows `| 409 | conflict, not_a_group | … |` (wa-server, MsgBubbles). */
function pipeTable(text: string): SeedCode[] {
  const codes: SeedCode[] = [];
  for (const match of text.matchAll(/^\|\s*(\d{3}(?:\s*\/\s*\d{3})*)\s*\|\s*([^|]+?)\s*\|/gm)) {
    const statuses = match[1]!.split('/').map((s) => Number(s.trim()));
    for (const code of match[2]!.split(',')) codes.push({ code: code.trim(), httpStatus: statuses });
  }
  return codes;
}

/** Section headings `402 Payment Required` followed by `code |` cells (Digiworld). */
function sectionCells(text: string): SeedCode[] {
  const codes: SeedCode[] = [];
  let status: number | undefined;
  for (const line of text.split('\n')) {
    const heading = /^(\d{3}) [A-Z]/.exec(line);
    if (heading) status = Number(heading[1]);
    const cell = /^([a-z_]+) \|$/.exec(line.trim());
    if (cell && status !== undefined) codes.push({ code: cell[1]!, httpStatus: [status] });
  }
  return codes;
}

/** Run-together rows `AUTH_001401UNAUTHORIZED…` (Connexease). */
function runTogether(text: string): SeedCode[] {
  return [...text.matchAll(/^([A-Z]+_\d{3})(\d{3})[A-Z_]+/gm)].map((m) => ({ code: m[1]!, httpStatus: [Number(m[2])] }));
}

/** Alternating `code` / `title` / `description` paragraphs (CEQUENS). */
function paragraphs(text: string): SeedCode[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const codes: SeedCode[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const number = /^(\d{3,4})(?:\s\(Deprecated\))?$/.exec(lines[i]!);
    if (!number) continue;
    const title = lines[i + 1]!;
    if (/^[A-Z_]+$/.test(title)) codes.push({ code: title, httpStatus: [Number(number[1])] });
    else codes.push({ code: Number(number[1]), httpStatus: [] });
  }
  return codes;
}

export const SEED_FILES = {
  'wa-server': { file: '000_d69695849498d75c.txt', parse: pipeTable },
  digiworld: { file: '001_2a983aa3b65dc78b.txt', parse: sectionCells },
  msgbubbles: { file: '002_470eedaf90571f9b.txt', parse: pipeTable },
  connexease: { file: '003_58f53d3e6239b8d2.txt', parse: runTogether },
  cequens: { file: '004_0298e8a2f3ecc665.txt', parse: paragraphs },
} as const;
