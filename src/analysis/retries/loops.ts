/** Retry loops: `for (let attempt = 0; …)`, `while (true)` with a `break` on success, `do … while (!sent)`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, type Node } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { NETWORK_ERROR, type RetryConstruct } from './types.js';
import { baseWalk, continueAfter, innermostTry, rejectsOnError, runList, set, statementOf } from './decision.js';
import { construct, delayIn } from './construct.js';

/**
 * A loop over a collection sends different requests, not the same one again:
 * its condition or counter reads a `.length` / `.size` (`i < items.length`,
 * `i = items.length - 1; i >= 0`, `while (queue.length > 0)`).
 */
function isCollectionLoop(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): boolean {
  const parts: (Node | null | undefined)[] = [loop.test, loop.type === AST_NODE_TYPES.ForStatement ? loop.init : undefined];
  const text = parts.filter((p): p is Node => !!p).map((p) => analysis.sourceCode.getText(p)).join(' ');
  return /\.(length|size)\b/.test(text);
}

export function loopConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  const loops = new Map<Node, ProviderCall[]>();
  for (const call of analysis.calls) {
    for (let current: Node | undefined = call.node.parent; current; current = current.parent) {
      if (isFunction(current)) break;
      if (current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement) {
        if (!isCollectionLoop(analysis, current)) loops.set(current, [...(loops.get(current) ?? []), call]);
        break;
      }
      if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement) break;
    }
  }
  for (const [loop, calls] of loops) {
    const body = (loop as TSESTree.ForStatement).body;
    const call = calls[0]!;
    const enclosingTry = innermostTry(call.node, loop);
    const rejects = enclosingTry ? rejectsOnError(analysis, call, enclosingTry.block) : false;
    // fetch, undici, or a wrapper that returns the Response: an HTTP error comes back as a value
    const resolvesOnError = !rejectsOnError(analysis, call, call.node);
    // No try and a client that throws: the first error leaves the loop.
    if (!enclosingTry && !resolvesOnError) continue;
    const provider = call.provider;
    found.push(
      construct({
        form: 'loop',
        node: loop,
        provider,
        calls,
        region: body,
        delay: delayIn(analysis, body, provider),
        walk: (entry, basis) => {
          const walk = baseWalk(analysis, entry, provider, basis, { inLoop: true });
          const goRound = () => set('retry');
          if (enclosingTry?.handler && (rejects || entry === NETWORK_ERROR)) {
            return runList(walk, enclosingTry.handler.body.body, () => continueAfter(walk, enclosingTry, body, goRound));
          }
          if (entry === NETWORK_ERROR) return set('stop');
          // fetch resolves on HTTP errors: what follows the call decides (`if (res.ok) return …`)
          const holder = statementOf(call.node);
          if (holder.type === AST_NODE_TYPES.ReturnStatement || holder.type === AST_NODE_TYPES.ThrowStatement) return set('stop');
          return resolvesOnError ? continueAfter(walk, holder, body, goRound) : set('stop');
        },
      }),
    );
  }
  return found;
}
