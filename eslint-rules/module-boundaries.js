// @ts-check
import path from 'node:path';

/**
 * Keeps the modular monolith modular (see ARCHITECTURE.md, "The dependency rule"):
 *
 *  - a module's public face is `src/modules/<name>/index.ts`; code outside that module (another
 *    module, src/web, src/cli, src/app.ts) imports nothing else from it;
 *  - src/platform imports only itself and packages: no module, no web, no composition root;
 *  - with the `allowed` option, a module depends only on the modules listed for it.
 *
 * Relative specifiers are resolved against the importing file; `.js` specifiers stand for the
 * `.ts`/`.tsx` sources. Package imports are not this rule's business.
 */

/** @typedef {{ layer: 'module', module: string, rest: string } | { layer: 'platform' | 'web' | 'other' }} Place */

/**
 * Where a path (relative to the project root, '/'-separated, extension stripped) sits.
 * @param {string} rel
 * @returns {Place | undefined} undefined outside src/
 */
function placeOf(rel) {
  const parts = rel.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts[1] === 'modules' && parts[2]) return { layer: 'module', module: parts[2], rest: parts.slice(3).join('/') };
  if (parts[1] === 'platform') return { layer: 'platform' };
  if (parts[1] === 'web') return { layer: 'web' };
  return { layer: 'other' };
}

/** @param {string} file */
const stripExtension = (file) => file.replace(/\.(?:[cm]?[jt]sx?)$/, '');

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Forbid imports across module boundaries and from src/platform into modules or web." },
    schema: [
      {
        type: 'object',
        properties: {
          allowed: {
            type: 'object',
            description: 'Module name → the modules it may import (through their index.ts).',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      internals:
        "'{{specifier}}' reaches into module '{{module}}'. Import from its public face src/modules/{{module}}/index.ts instead (export what you need there).",
      platform:
        "src/platform must not import from {{target}} ('{{specifier}}'): the platform knows no module. Pass what it needs in from the composition root (src/app.ts).",
      graph:
        "Module '{{from}}' may not depend on module '{{to}}' ('{{specifier}}'). Allowed for '{{from}}': {{allowed}}. See ARCHITECTURE.md.",
    },
  },

  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const here = placeOf(stripExtension(file));
    if (!here) return {};
    /** @type {Record<string, string[]> | undefined} */
    const allowed = context.options[0]?.allowed;

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source) return;
      let specifier;
      if (source.type === 'Literal' && typeof source.value === 'string') specifier = source.value;
      else if (source.type === 'TemplateLiteral' && source.expressions.length === 0) specifier = source.quasis[0]?.value.cooked;
      if (!specifier || !specifier.startsWith('.')) return;

      const resolved = path.relative(root, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/');
      const there = placeOf(stripExtension(resolved));
      if (!there || !here) return;

      if (here.layer === 'platform') {
        if (there.layer === 'platform') return;
        const target = there.layer === 'module' ? `src/modules/${there.module}` : there.layer === 'web' ? 'src/web' : 'outside src/platform';
        context.report({ node: source, messageId: 'platform', data: { specifier, target } });
        return;
      }
      if (there.layer !== 'module') return;
      if (here.layer === 'module' && here.module === there.module) return;

      const isPublicFace = there.rest === 'index' || there.rest === '';
      if (!isPublicFace) {
        context.report({ node: source, messageId: 'internals', data: { specifier, module: there.module } });
        return;
      }
      if (here.layer === 'module' && allowed) {
        const mayUse = allowed[here.module] ?? [];
        if (!mayUse.includes(there.module)) {
          context.report({
            node: source,
            messageId: 'graph',
            data: { specifier, from: here.module, to: there.module, allowed: mayUse.length ? mayUse.join(', ') : 'none' },
          });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default rule;
