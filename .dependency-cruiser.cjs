/**
 * Import rules, checked by `npm run check` (dependency-cruiser): no circles anywhere, and the
 * lowest floor (shared/, the server's util/, log.ts and config/) imports nothing above it, so
 * the logger, the configuration and the helpers can be used by every layer without loops.
 */
const FLOOR = [
  { name: 'shared', from: '^shared/src/', allowed: '^shared/src/' },
  { name: 'util', from: '^server/src/util/', allowed: '^(shared/src|server/src/util)/' },
  {
    name: 'log',
    from: '^server/src/log[.]ts$',
    allowed: '^(shared/src/|server/src/util/|server/src/log[.]ts$)',
  },
  {
    name: 'config',
    from: '^server/src/config/',
    allowed: '^(shared/src/|server/src/util/|server/src/config/|server/src/log[.]ts$)',
  },
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the module or move the shared part down a floor.',
      from: {},
      to: { circular: true },
    },
    ...FLOOR.map(({ name, from, allowed }) => ({
      name: `${name}-imports-nothing-above`,
      severity: 'error',
      comment: `${name} is on the lowest floor: it may import only ${allowed} and packages.`,
      from: { path: from },
      to: { path: '^(server|shared|extension)/', pathNot: allowed },
    })),
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|[.]output|[.]wxt)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types'] },
  },
};
