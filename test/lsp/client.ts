/**
 * A minimal LSP client for tests: starts `vscode-eslint-language-server`
 * (the server behind VS Code's ESLint extension) over stdio and answers its
 * `workspace/configuration` requests the way the extension would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

const SERVER = fileURLToPath(new URL('../../node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server', import.meta.url));

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string | number | { value: string | number };
  source?: string;
  severity?: number;
}

export class EslintServer {
  private readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly versions = new Map<string, number>();
  private readonly applied: WorkspaceEdit[] = [];

  constructor(private readonly root: string) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: 'pipe' });
    this.process.stdin.on('error', () => undefined); // EPIPE once the server has exited
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    const rootUri = pathToFileURL(root).href;
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.map(() => ({
        validate: 'on',
        packageManager: 'npm',
        useESLintClass: true, // ESLint 10 needs the ESLint class
        useFlatConfig: true,
        experimental: {},
        codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
        codeActionOnSave: { enable: false, mode: 'all' },
        format: false,
        quiet: false,
        onIgnoredFiles: 'off',
        options: {},
        rulesCustomizations: [],
        run: 'onType',
        problems: { shortenToSingleLine: false },
        nodePath: null,
        workingDirectory: { directory: root },
        workspaceFolder: { name: 'fixture', uri: rootUri },
      })),
    );
    // The server may ask the client to confirm running the workspace's ESLint, or report status: accept, ignore.
    this.connection.onRequest('eslint/confirmESLintExecution', () => 4);
    this.connection.onRequest('eslint/probeFailed', () => ({}));
    this.connection.onRequest('eslint/noLibrary', () => ({}));
    this.connection.onRequest('client/registerCapability', () => null);
    // executing a suggestion's command makes the server send the edit back to apply
    this.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.applied.push(params.edit);
      return { applied: true };
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
          synchronization: { didSave: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(file: string, text: string): string {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } }).catch(() => undefined);
    return uri;
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }).catch(() => undefined);
  }

  /** Pull diagnostics (`textDocument/diagnostic`). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /**
   * Pulls until the server has loaded ESLint and the workspace config and
   * reports something (an editor pulls again on its own), within a time limit.
   */
  async firstDiagnostics(uri: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const items = await this.diagnostics(uri);
      if (items.length > 0 || Date.now() > until) return items;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  /** Runs a code action's command as the editor does; returns the text edits the server asks the client to apply. */
  async execute(action: CodeAction, uri: string): Promise<TextEdit[]> {
    if (action.edit) return editsFor(action.edit, uri);
    if (!action.command) return [];
    const before = this.applied.length;
    await this.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
    return this.applied.slice(before).flatMap((edit) => editsFor(edit, uri));
  }

  async close(): Promise<void> {
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      // the write is queued: wait for it before the stream is torn down (a write after that rejects, unhandled)
      await this.connection.sendNotification('exit').catch(() => undefined);
      await Promise.race([exited, delay(2000)]);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

export interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}
export interface CodeAction {
  title: string;
  edit?: WorkspaceEdit;
  command?: { command: string; arguments?: unknown[] };
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [...(edit.changes?.[uri] ?? []), ...(edit.documentChanges ?? []).filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits)];
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((current, edit) => current.slice(0, offset(edit.range.start)) + edit.newText + current.slice(offset(edit.range.end)), text);
}
