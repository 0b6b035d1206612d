// Sends messages through Digiworld's DigiChat API.
const BASE = 'https://digichat.digiworld-dev.com/api/whatsapp';

// ❌ Retried by recursion with no idempotencyKey in the body, and on every error.
export async function sendChat(token: string, chatId: string, text: string, attempt = 0): Promise<unknown> {
  const res = await fetch(`${BASE}/${token}/sendMessage`, { method: 'POST', body: JSON.stringify({ chatId, type: 'text', text }) });
  if (!res.ok) {
    // ✅ HTTP 402 is only ever insufficient_balance: one documented code.
    if (res.status === 402) throw new Error('Digiworld wallet is empty', { cause: await res.json() });
    if (attempt < 3) return sendChat(token, chatId, text, attempt + 1);
    throw Object.assign(new Error('Digiworld send failed'), { body: await res.json() });
  }
  return res.json();
}

// ❌ A typo: Digiworld sends 'rate_limit_exceeded', so this branch never runs.
export async function sendOrQueue(token: string, chatId: string, text: string, idempotencyKey: string): Promise<'sent' | 'queued'> {
  const res = await fetch(`${BASE}/${token}/sendMessage`, { method: 'POST', body: JSON.stringify({ chatId, type: 'text', text, idempotencyKey }) });
  if (res.ok) return 'sent';
  const body = await res.json();
  if (body.error === 'rate_limit_exceded') return 'queued';
  throw Object.assign(new Error(body.message), { code: body.error });
}
