import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (file: string) => path.join(process.cwd(), file);
const graph = [{ allowed: { portal: ['catalog', 'search'], catalog: ['search'], demo: ['catalog', 'search'], search: [] } }];

tester.run('module-boundaries', rule, {
  valid: [
    { name: 'a module imports its own internals', filename: at('src/modules/catalog/actions/publish-item.ts'), code: "import { x } from '../catalog.repository.js';" },
    { name: "a module imports another's public face", filename: at('src/modules/portal/pages/home.tsx'), code: "import { search } from '../../search/index.js';" },
    { name: 'a module imports platform and web', filename: at('src/modules/portal/routes.ts'), code: "import { AppError } from '../../platform/errors.js';\nimport { Layout } from '../../web/layout.js';" },
    { name: 'packages are not this rule’s business', filename: at('src/platform/db/index.ts'), code: "import pg from 'pg';" },
    { name: 'platform imports platform', filename: at('src/platform/http/server.ts'), code: "import { AppError } from '../errors.js';" },
    { name: 'web imports a public face', filename: at('src/web/layout.tsx'), code: "import type { Item } from '../modules/catalog/index.js';" },
    { name: 'the composition root imports public faces', filename: at('src/app.ts'), code: "import { registerPortal } from './modules/portal/index.js';" },
    { name: 'the CLI imports a public face', filename: at('src/cli/main.ts'), code: "export { seedDemo } from '../modules/demo/index.js';" },
    { name: 'an allowed edge of the graph', filename: at('src/modules/demo/actions/seed-demo.ts'), code: "import { loadCatalogue } from '../../catalog/index.js';", options: graph },
    { name: 'files outside src are not checked', filename: at('test/support/app.ts'), code: "import { x } from '../../src/modules/catalog/model.js';" },
  ],
  invalid: [
    {
      name: "(a) a module reaches into another module's internals",
      filename: at('src/modules/portal/pages/item.tsx'),
      code: "import type { ItemGuide } from '../../catalog/model.js';",
      errors: [{ messageId: 'internals', data: { specifier: '../../catalog/model.js', module: 'catalog' } }],
    },
    {
      name: '(a) a .ts specifier and re-exports count too',
      filename: at('src/modules/demo/index.ts'),
      code: "export * from '../search/search.repository.ts';\nexport { rules } from '../catalog/rules.js';",
      errors: [{ messageId: 'internals' }, { messageId: 'internals' }],
    },
    {
      name: '(a) a dynamic import counts too',
      filename: at('src/modules/search/actions/reindex.ts'),
      code: "const m = await import('../../catalog/catalog.repository.js');",
      errors: [{ messageId: 'internals' }],
    },
    {
      name: '(b) platform imports a module',
      filename: at('src/platform/http/server.ts'),
      code: "import { registerCatalog } from '../../modules/catalog/index.js';",
      errors: [{ messageId: 'platform', data: { specifier: '../../modules/catalog/index.js', target: 'src/modules/catalog' } }],
    },
    {
      name: '(b) platform imports web',
      filename: at('src/platform/http/server.ts'),
      code: "import { renderErrorPage } from '../../web/error-page.js';",
      errors: [{ messageId: 'platform', data: { specifier: '../../web/error-page.js', target: 'src/web' } }],
    },
    {
      name: '(b) platform imports the composition root',
      filename: at('src/platform/config.ts'),
      code: "import { VERSION } from '../app.js';",
      errors: [{ messageId: 'platform' }],
    },
    {
      name: "(c) web imports a module's internals",
      filename: at('src/web/components/item-card.tsx'),
      code: "import { starsOf } from '../../modules/catalog/stars.js';",
      errors: [{ messageId: 'internals', data: { specifier: '../../modules/catalog/stars.js', module: 'catalog' } }],
    },
    {
      name: "the CLI imports a module's internals",
      filename: at('src/cli/main.ts'),
      code: "import { importDivisions } from '../modules/catalog/actions/import-divisions.js';",
      errors: [{ messageId: 'internals' }],
    },
    {
      name: 'a public face outside the allowed graph (search must not depend on catalog)',
      filename: at('src/modules/search/search.repository.ts'),
      code: "import type { Item } from '../catalog/index.js';",
      options: graph,
      errors: [{ messageId: 'graph', data: { specifier: '../catalog/index.js', from: 'search', to: 'catalog', allowed: 'none' } }],
    },
    {
      name: 'a module missing from the graph may depend on none',
      filename: at('src/modules/licences/index.ts'),
      code: "export { search } from '../search/index.js';",
      options: graph,
      errors: [{ messageId: 'graph', data: { specifier: '../search/index.js', from: 'licences', to: 'search', allowed: 'none' } }],
    },
  ],
});
