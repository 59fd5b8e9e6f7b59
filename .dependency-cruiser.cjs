/**
 * The import rules of the code base (`npm run check:deps`, run by .ci/run
 * before the tests). Type-only imports count: a circle of types is still a
 * seam cut in the wrong place.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles, type-only ones included: put the shared piece in its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'http-stays-in-http',
      severity: 'error',
      comment: 'Only server/http (and app.ts, which mounts it) imports server/http: shared pieces live in neutral modules.',
      from: { path: '^(server|client|bench|migrations)/', pathNot: ['^server/http/', '^server/app\\.ts$'] },
      to: { path: '^server/http/' },
    },
    {
      name: 'protocol-is-pure',
      severity: 'error',
      comment: 'server/protocol holds the wire contract: it imports zod and other protocol files only.',
      from: { path: '^server/protocol/' },
      to: { pathNot: ['^server/protocol/', '^node_modules/zod/'] },
    },
    {
      name: 'client-sees-only-the-protocol',
      severity: 'error',
      comment: 'The client imports nothing of the server but the protocol.',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/protocol/' },
    },
    {
      name: 'client-imports-protocol-types-only',
      severity: 'error',
      comment:
        'The client imports the protocol with `import type` (no server code in the bundle); the exceptions are ' +
        'report-catalog.ts, organisation-catalog.ts and agenda-catalog.ts, plain data with no imports that the forms list as values.',
      from: { path: '^client/' },
      to: {
        path: '^server/protocol/',
        pathNot: '^server/protocol/(report|organisation|agenda|resource)-catalog\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'services-and-db-know-no-transport',
      severity: 'error',
      comment: 'Services and queries know nothing of Koa or sockets.',
      from: { path: '^server/(services|db|access)/' },
      to: { path: '^server/(realtime|http)/' },
    },
    {
      name: 'only-broadcasts-publish',
      severity: 'error',
      comment: 'Events go out through server/realtime/broadcasts/ after the commit; handlers and routes never publish.',
      from: { pathNot: ['^server/realtime/(broadcasts/|domains\\.ts$|publish\\.ts$)'] },
      to: { path: '^server/realtime/publish\\.ts$' },
    },
    {
      name: 'migrations-import-no-app-code',
      severity: 'error',
      comment: 'A migration must keep working whatever the app becomes.',
      from: { path: '^migrations/' },
      to: { path: '^(server|client|test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
