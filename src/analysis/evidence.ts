/**
 * WhatsApp evidence for requests to a host that other APIs share:
 * `graph.facebook.com` also serves Pages, Ads, Instagram and Messenger, so a
 * request there is a Cloud API call only when something says WhatsApp:
 * - the payload: `messaging_product: 'whatsapp'`;
 * - the path: a WhatsApp endpoint (`/message_templates`,
 *   `/whatsapp_business_profile`, `/phone_numbers`, `/register`, Flows, …);
 * - a media URL lookup: a GET of a bare id whose response's `url` is read
 *   (`${GRAPH}/${mediaId}` then `data.url`, see `isMediaUrlLookup`);
 * - the names around it: the URL's constants and env vars, the headers and
 *   payload, the enclosing functions and class, the file name
 *   (`WHATSAPP_TOKEN`, `phoneNumberId`, `sendWhatsAppMessage`,
 *   `whatsapp.service.ts`).
 * Messenger's Send API (`/me/messages`, a `recipient` + `message` payload)
 * and the Marketing API's ad account paths (`/act_{id}/…`) are never
 * WhatsApp, whatever the names or the payload's words say.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { relative } from 'node:path';
import { findProperty, findVariable, isFunction, memberName, propertyKeyName, skipTransparent, type Node } from './ast.js';
import type { RequestInfo } from './clients.js';
import { payloadObject } from './clients.js';
import type { AnalysisEnv } from './env.js';
import { pathOf, projectRoot } from './imports.js';
import type { ProviderInfo } from './providers.js';
import { boundArgument, calleeFunction, constInit, inline, resolveExpression, returnedExpressions, splitUrl } from './values.js';

/** WhatsApp in a name: `whatsapp`, `WABA`, `wa_token`, `phoneNumberId` (a Cloud API term). */
const WHATSAPP_NAME = /whats_?app|waba|(?:^|[^a-z])wa_?(?:phone|business|api|token|number|id|msg|message)|phone_?number_?id|phone_?id(?![a-z])/i;
/** `wa` as a camelCase or PascalCase prefix: `waPhoneId`, `WaModule`, `WaService` (not `wait`, `watch`, `warning`). */
const WA_PREFIX = /^[wW]a[A-Z]/;

/**
 * WhatsApp Flows API (https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/reference/flowsapi):
 * `/{WABA-ID}/flows` (list, create), `/{FLOW-ID}` (details, preview,
 * metadata, delete), `/{FLOW-ID}/assets`, `/{FLOW-ID}/publish`,
 * `/{FLOW-ID}/deprecate` and `/{DESTINATION-WABA-ID}/migrate_flows`.
 * `flows` and `migrate_flows` are WhatsApp paths by themselves; the others
 * are WhatsApp when the id is a Flow's: no other Graph API has Flows
 * (Messenger and Instagram have none), so a Flow id in a graph.facebook.com
 * URL (`${flowId}/publish`) is evidence.
 */
const FLOW_ID_NAME = /(?:^|_)flow_?id(?![a-z])/i;
/** A Flow id as the end of a camelCase name: `whatsappFlowId`, `metaFlowId` (not `workflowId`). */
const FLOW_ID_SUFFIX = /[a-z0-9]Flow_?Id(?![a-z])/;

/**
 * Cloud API endpoints no other Graph API has. Sources: the Cloud API
 * reference (templates, business profile, phone numbers, registration) and
 * the Flows API reference above (`flows`, `migrate_flows`), and the WhatsApp
 * Business Account's catalog edge (`product_catalogs`, the catalog connected
 * to the account: https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/product_catalogs/).
 */
const WHATSAPP_PATH = /\/(?:message_templates|product_catalogs|whatsapp_business_\w+|whatsapp_commerce_settings|phone_numbers|register|deregister|request_code|verify_code|flows|migrate_flows|conversational_automation|message_qrdls|block_users)(?:[/?#\u0000]|$)|whatsapp/i;

/**
 * A query parameter only the Cloud API takes: `phone_number_id` on a media
 * lookup or delete (`GET /{MEDIA_ID}?phone_number_id=…`,
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media).
 */
const WHATSAPP_QUERY = /[?&]phone_number_id=/i;

/**
 * Names of the other products on graph.facebook.com: Messenger (PSIDs, Page
 * tokens), Instagram, Pages, the Marketing API. Where they show, a request
 * without WhatsApp evidence of its own is not taken for WhatsApp because of
 * its neighbours (see `otherGraphProduct`).
 */
const OTHER_GRAPH_NAME = /instagram|messenger|(?:^|[^a-z])ig_?(?:user|account|business|media)|^ig[A-Z]|psid|page_?(?:access_?token|token|id)(?![a-z])|ad_?account|adset|campaign|leadgen/i;

/**
 * Meta's Commerce (catalog) API on the same host: a catalog's products,
 * product sets, feeds and batch updates
 * (https://developers.facebook.com/docs/marketing-api/catalog/reference/).
 * A WhatsApp app often keeps its shop's catalog in sync beside its sends; those
 * requests are not Cloud API requests, so names of a catalog or a product in a
 * URL, or these paths, count as another Graph product.
 */
const COMMERCE_NAME = /catalog|product(?!ion)/i;
const COMMERCE_PATH = /\/(?:products|product_sets|product_feeds|items_batch)(?:[/?#]|$)/;

/**
 * The Marketing API's ad account node: its id is written `act_{AD_ACCOUNT_ID}`
 * in every path (https://developers.facebook.com/docs/marketing-api/reference/ad-account/),
 * and its edges (campaigns, ad sets, creatives, audiences, delivery estimates,
 * previews) hang under it. A Click-to-WhatsApp ad names WhatsApp in its
 * payload (`WHATSAPP_MESSAGE`, `app_destination: 'WHATSAPP'`) but is an Ads
 * request, never a Cloud API one.
 */
const MARKETING_PATH = /\/act_[^/?#]/;

const MAX_NAME_DEPTH = 3;

/** A Commerce catalog request by its URL: a catalog path, or catalog or product names (`urlNames`) in it. */
function isCommerceUrl(request: RequestInfo, urlNames: readonly string[]): boolean {
  return COMMERCE_PATH.test(request.url?.text ?? '') || urlNames.some((name) => COMMERCE_NAME.test(name));
}

export function isWhatsAppName(name: string): boolean {
  return WHATSAPP_NAME.test(name) || WA_PREFIX.test(name);
}

/** The names an expression is built from (see `namesIn`): for evidence gathered where a client or base URL is declared. */
export function namesOf(env: AnalysisEnv, node: Node | undefined): string[] {
  const names: string[] = [];
  namesIn(env, node, names, 0);
  return names;
}

/** Names an expression is built from, following constants a few steps: `${BASE}/${PHONE_NUMBER_ID}/messages` → BASE, PHONE_NUMBER_ID. */
function namesIn(env: AnalysisEnv, node: Node | undefined, out: string[], depth: number): void {
  if (!node || depth > MAX_NAME_DEPTH || out.length > 64) return;
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier: {
      out.push(current.name);
      const next = constInit(env, current) ?? boundArgument(env, current);
      if (next) {
        namesIn(env, next, out, depth + 1);
        filledIn(env, current, out, depth);
      }
      else {
        const resolved = resolveExpression(env, current);
        if (resolved !== current) namesIn(env, resolved, out, depth + 1);
        else {
          // a `let` built up by assignments (`url += …`): the names of every part
          const variable = findVariable(env.sourceCode, current);
          for (const ref of variable?.references ?? []) {
            const write = ref.isWrite() ? ref.writeExpr : undefined;
            if (write && write !== current) namesIn(env, write, out, depth + 1);
          }
        }
      }
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(current);
      if (typeof name === 'string') out.push(name);
      namesIn(env, current.object, out, depth);
      const resolved = resolveExpression(env, current);
      if (resolved !== current) namesIn(env, resolved, out, depth + 1);
      return;
    }
    case AST_NODE_TYPES.TemplateLiteral:
      // the text too: a Twilio address written `whatsapp:${to}`
      for (const quasi of current.quasis) if (quasi.value.cooked && quasi.value.cooked.length < 200) out.push(quasi.value.cooked);
      for (const expression of current.expressions) namesIn(env, expression, out, depth);
      return;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      namesIn(env, current.left, out, depth);
      namesIn(env, current.right, out, depth);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      namesIn(env, current.consequent, out, depth);
      namesIn(env, current.alternate, out, depth);
      return;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      namesIn(env, current.callee, out, depth);
      for (const argument of current.arguments) namesIn(env, argument, out, depth);
      // a URL helper (`this.url(path)`): the names it builds the URL from
      const callee = current.type === AST_NODE_TYPES.CallExpression ? calleeFunction(env, current.callee) : undefined;
      if (callee && current.type === AST_NODE_TYPES.CallExpression) {
        for (const returned of returnedExpressions(callee.fn)) inline(env, callee, current, () => namesIn(env, returned, out, depth + 1));
      }
      return;
    }
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of current.properties) {
        if (property.type === AST_NODE_TYPES.Property) {
          const key = propertyKeyName(property);
          if (typeof key === 'string') out.push(key);
          namesIn(env, property.value, out, depth);
        } else namesIn(env, property.argument, out, depth);
      }
      return;
    case AST_NODE_TYPES.Literal:
      if (typeof current.value === 'string' && current.value.length < 200) out.push(current.value);
      return;
    default:
  }
}

/**
 * The names a URL's parts are held under, along the value chain only: a
 * variable, the argument bound to a parameter, a constant's value, a
 * member's own name (`input.campaignId` gives `campaignId`, not `input` or
 * the other keys of the object `input` was made from).
 */
function urlIdNames(env: AnalysisEnv, node: Node | undefined): string[] {
  const names: string[] = [];
  const visit = (current: Node | undefined, depth: number): void => {
    if (!current || depth > MAX_NAME_DEPTH || names.length > 32) return;
    const value = skipTransparent(current);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        names.push(value.name);
        visit(constInit(env, value) ?? boundArgument(env, value), depth + 1);
        return;
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(value);
        if (typeof name === 'string') names.push(name);
        return;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const expression of value.expressions) visit(expression, depth);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        visit(value.left, depth);
        visit(value.right, depth);
        return;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ConditionalExpression:
        // a fallback or a choice is not the id itself (`qs ? \`?${qs}\` : ''`)
        return;
      default:
    }
  };
  visit(node, 0);
  return names;
}

/** Methods that fill a form or parameter object after it is made: `params.append('To', 'whatsapp:+1…')`. */
const FILL_METHODS = new Set(['append', 'set']);

/** The names of what a payload object is filled with after it is made (`form.append(…)`, `params.set(…)`). */
function filledIn(env: AnalysisEnv, id: TSESTree.Identifier, out: string[], depth: number): void {
  const variable = findVariable(env.sourceCode, id);
  for (const ref of variable?.references ?? []) {
    const use = ref.identifier.parent;
    const call = use?.parent;
    if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== ref.identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) continue;
    const method = memberName(use);
    if (typeof method === 'string' && FILL_METHODS.has(method)) for (const argument of call.arguments) namesIn(env, argument, out, depth + 1);
  }
}

/** Names of the functions, methods and class around a call, innermost first. */
function enclosingNames(node: Node): string[] {
  const names: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) {
      if (current.id) names.push(current.id.name);
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) names.push(parent.id.name);
      if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed) {
        const key = propertyKeyName(parent);
        if (typeof key === 'string') names.push(key);
      }
    } else if ((current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) && current.id) {
      names.push(current.id.name);
    }
  }
  return names;
}

/** Messenger's Send API: `/me/messages`, or a `recipient` + `message` payload. */
function isMessenger(env: AnalysisEnv, request: RequestInfo): boolean {
  if (request.url && /\/me\/messages(?:[/?#\u0000]|$)/i.test(request.url.text)) return true;
  const payload = payloadObject(env, request.data);
  return !!payload && !!findProperty(payload, 'recipient') && !!findProperty(payload, 'message');
}

/** Is there WhatsApp evidence for a request to a shared host? */
export function hasWhatsAppEvidence(env: AnalysisEnv, request: RequestInfo, call: TSESTree.CallExpression, payloadSaysWhatsApp: boolean): boolean {
  if (payloadSaysWhatsApp) return true;
  if (isMessenger(env, request)) return false;
  if (request.url && MARKETING_PATH.test(request.url.text)) return false;
  if (request.url && (WHATSAPP_PATH.test(request.url.text) || WHATSAPP_QUERY.test(request.url.text))) return true;
  if (isMediaUrlLookup(env, request, call)) return true;
  const names: string[] = [];
  namesIn(env, request.urlNode, names, 0);
  if (names.some((name) => FLOW_ID_NAME.test(name) || FLOW_ID_SUFFIX.test(name))) return true;
  // an id of another Graph product in the URL (`${GRAPH}/${campaignId}`, `${GRAPH}/${pageId}/leadgen_forms`):
  // the words of the objects those ids came from (`input.campaignId` of a Click-to-WhatsApp ad) say nothing
  const ids = urlIdNames(env, request.urlNode);
  if (ids.some((name) => OTHER_GRAPH_NAME.test(name)) && !ids.some(isWhatsAppName)) return false;
  // a Commerce catalog request (`${GRAPH}/${catalogId}/products`, `${GRAPH}/${product.facebook_id}`): WhatsApp
  // names around it (a `whatsapp-catalog` file, a WhatsApp account's token) do not make it a Cloud API request
  if (isCommerceUrl(request, names)) return false;
  namesIn(env, request.configSource, names, 0);
  namesIn(env, request.data, names, 0);
  // the client: its name and what it was made from (`whatsappApi.post`, `axios.create({ baseURL: WA_GRAPH_URL })`),
  // and the names where a NestJS module gives it its base URL (`WaModule`)
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) namesIn(env, callee.object, names, 0);
  names.push(...(request.clientNames ?? []));
  names.push(...enclosingNames(call));
  // the file and the folders it sits in, inside the project (`src/whatsapp/graph.ts`)
  const path = pathOf(call);
  if (path) names.push(...projectPath(path).split(/[\\/]/));
  // a parameter bound to an argument at a call site: the names there count too
  for (let frame = env.frame; frame; frame = frame.outer) {
    if (!frame.site) continue;
    names.push(...enclosingNames(frame.site));
    const sitePath = pathOf(frame.site);
    if (sitePath) names.push(...projectPath(sitePath).split(/[\\/]/));
  }
  return names.some(isWhatsAppName);
}

/** A path relative to the project root (where the project's own folder names start). */
function projectPath(path: string): string {
  const root = projectRoot();
  const rel = root ? relative(root, path) : path;
  return rel.startsWith('..') ? path.split(/[\\/]/).pop()! : rel;
}

/** Cloud API endpoints no other API has: enough on their own, whatever the base URL. */
const CLOUD_API_ONLY_PATH = /\/(?:message_templates|whatsapp_business_\w+|whatsapp_commerce_settings|migrate_flows|conversational_automation|message_qrdls)(?:[/?#\u0000]|$)/i;

/**
 * A request whose base URL the code does not show (an env var, config the
 * file cannot read) but whose path is the Cloud API's: a path only the Cloud
 * API has (`/{waba-id}/message_templates`), or `/messages` under a phone
 * number id (`${GRAPH_URL}${phone_number_id}/messages`). A literal host
 * that is not a provider's is another API (an in-house gateway), never this.
 */
export function isHostlessCloudApi(env: AnalysisEnv, request: RequestInfo): boolean {
  const text = request.url?.text;
  if (!text || /[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  if (CLOUD_API_ONLY_PATH.test(text)) return true;
  if (!/\/messages(?:[/?#\u0000]|$)/i.test(text)) return false;
  const names: string[] = [];
  namesIn(env, request.urlNode, names, 0);
  return names.some((name) => CLOUD_API_ID.test(name));
}

/** The Cloud API's ids: a phone number id or a WhatsApp Business Account id (a gateway's URL has neither). */
const CLOUD_API_ID = /phone_?number_?id|phone_?id(?![a-z])|waba_?id|business_?account_?id/i;

/**
 * What identifies the base URL a request is built on, to tell requests made
 * through the same base: the instance with a base URL it goes through
 * (`graph.get(…)`, an injected `HttpService`), or the constant, field or URL
 * helper its URL starts with (`${GRAPH}/${mediaId}`, `this.baseUrl + …`,
 * `url(path)`). `undefined` when the URL starts with a literal host or a
 * parameter.
 */
export function baseKeyOf(env: AnalysisEnv, request: RequestInfo): unknown {
  if (request.baseOrigin !== undefined) return request.baseOrigin;
  let node = request.urlNode && skipTransparent(request.urlNode);
  for (let depth = 0; node && depth < 4; depth++) {
    if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      const first = node.expressions[0];
      if (!first || node.quasis[0]?.value.cooked !== '') return undefined;
      return leadKey(env, first);
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
      node = skipTransparent(node.left);
      continue;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      // a URL held in a constant: where that constant's value starts
      const init = constInit(env, node);
      if (!init) return leadKey(env, node);
      node = skipTransparent(init);
      continue;
    }
    return leadKey(env, node);
  }
  return undefined;
}

/** The identity of the expression a URL starts with. */
function leadKey(env: AnalysisEnv, lead: Node): unknown {
  const node = skipTransparent(lead);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(env.sourceCode, node);
    const def = variable?.defs[0];
    return !variable || !def || def.type === 'Parameter' ? undefined : variable;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const resolved = resolveExpression(env, node);
    return resolved !== node ? resolved : `member:${env.sourceCode.getText(node)}`;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) return calleeFunction(env, node.callee)?.fn;
  return undefined;
}

/**
 * Does a request, or the names around it, show another product of
 * graph.facebook.com: Messenger's Send API, Instagram, Page, Messenger or
 * Marketing API names in its URL, payload or enclosing functions, or a
 * Commerce catalog request (catalog or product names, or paths, in its URL)?
 */
export function otherGraphProduct(env: AnalysisEnv, request: RequestInfo, call: TSESTree.CallExpression): boolean {
  if (isMessenger(env, request)) return true;
  if (request.url && MARKETING_PATH.test(request.url.text)) return true;
  const names: string[] = [];
  namesIn(env, request.urlNode, names, 0);
  // the URL of a catalog request (`${GRAPH}/${catalogId}/products`, `${GRAPH}/${product.id}`)
  if (isCommerceUrl(request, names)) return true;
  namesIn(env, request.data, names, 0);
  names.push(...enclosingNames(call));
  return names.some((name) => OTHER_GRAPH_NAME.test(name));
}

/** The path part of a URL's text: after the scheme and host, or all of it when the base is unknown. */
function pathPart(text: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** Does a URL's path start with one of the provider's WhatsApp paths (`whatsappPaths`)? */
export function hasWhatsAppPath(provider: ProviderInfo, text: string): boolean {
  const path = pathPart(text);
  return (provider.def.whatsappPaths ?? []).some(({ prefix }) => {
    const index = path.indexOf(prefix);
    // at the start of the path, or right after the unknown base (`${process.env.INFOBIP_BASE_URL}/whatsapp/1/message/text`)
    return index === 0 || (index > 0 && path[index - 1] === '\u0000');
  });
}

/**
 * The provider a request whose base URL the code does not show reaches by its
 * path alone: Infobip's `/whatsapp/1/message/text` under `process.env.INFOBIP_BASE_URL`.
 */
export function providerOfPath(env: AnalysisEnv, request: RequestInfo): ProviderInfo | undefined {
  const text = request.url?.text;
  if (!text) return undefined;
  // a literal host (`https://wa-gateway.internal/whatsapp/1/message/text`) is another API; an unknown one may be the provider's
  const host = splitUrl(text)?.host;
  if (host !== undefined && !host.includes('\u0000')) return undefined;
  return env.settings.providers.find((provider) => hasWhatsAppPath(provider, text));
}

/** A Graph path that is one object id, after an optional version: `/v21.0/{id}`, `/${version}/${id}?phone_number_id=…`. */
const BARE_ID_PATH = /^\/(?:v\d+(?:\.\d+)?\/|\u0000\/)?\u0000(?:[?#].*)?$/;
/** How many steps (a destructuring, `.data`, `.json()`, a variable) `readsUrl` follows from a request to a read of its `url`. */
const MAX_URL_READ_DEPTH = 5;

/**
 * A Cloud API media lookup: a GET of a bare id on the Graph host
 * (`GET /{MEDIA_ID}`, https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media)
 * whose response's top-level `url` is read: the media's download URL. The
 * other Graph objects looked up by id return no top-level `url` (Instagram
 * media answer `media_url`, Page photos `link` and `images`), so reading it
 * says WhatsApp, unless the request shows another Graph product.
 */
function isMediaUrlLookup(env: AnalysisEnv, request: RequestInfo, call: TSESTree.CallExpression): boolean {
  if (request.method !== undefined && request.method.toLowerCase() !== 'get') return false;
  if (request.data !== undefined) return false;
  const text = request.url?.text;
  const path = text && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(text)?.[1];
  if (!path || !BARE_ID_PATH.test(path)) return false;
  return readsUrl(env, call, 0) && !otherGraphProduct(env, request, call);
}

/**
 * Is the `url` field of a response body read: `(await axios.get(…)).data.url`,
 * `const { data } = await …; data.url`, `const res = await fetch(…); const
 * body = await res.json(); body.url`, `const { url } = …`?
 */
function readsUrl(env: AnalysisEnv, expression: Node, depth: number): boolean {
  if (depth > MAX_URL_READ_DEPTH) return false;
  let node = expression;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = memberName(parent);
    if (name === 'url') return true;
    if (name === 'data') return readsUrl(env, parent, depth + 1);
    // `res.json()`
    if (name === 'json' && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) return readsUrl(env, parent.parent, depth + 1);
    return false;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) return patternReadsUrl(env, parent.id, depth);
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return patternReadsUrl(env, parent.left, depth);
  return false;
}

/** What a variable or destructuring pattern holding a response body does with `url`. */
function patternReadsUrl(env: AnalysisEnv, pattern: Node, depth: number): boolean {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(env.sourceCode, pattern);
    return !!variable && variable.references.some((ref) => ref.identifier !== pattern && !ref.isWrite() && readsUrl(env, ref.identifier, depth + 1));
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return false;
  return pattern.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(property);
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (key === 'url') return true;
    return key === 'data' && patternReadsUrl(env, value, depth + 1);
  });
}
