{
  "name": "@tuopin/plugin-__name__",
  "version": "0.1.0",
  "license": "MIT",
  "private": true,
  "type": "module",
  "description": "tuopin plugin __name__ (made by pnpm plugin new)",
  "tuopin": {
    "plugin": "__name__"
  },
  "exports": {
    ".": "./src/index.ts"
  },
  "scripts": {
    "codegen": "graphql-codegen --config codegen.ts --silent",
    "test": "graphql-codegen --config codegen.ts --silent && vitest run"
  },
  "dependencies": {
    "@mikro-orm/core": "6.6.16",
    "@mikro-orm/migrations": "6.6.16",
    "@mikro-orm/postgresql": "6.6.16",
    "@pothos/core": "4.15.1",
    "@tuopin/core": "workspace:*",
    "dataloader": "2.2.3",
    "graphql": "16.15.0"
  },
  "devDependencies": {
    "@graphql-codegen/cli": "7.4.3",
    "@graphql-codegen/client-preset": "6.2.0",
    "@graphql-typed-document-node/core": "3.2.0",
    "@tuopin/testing": "workspace:*",
    "vitest": "4.1.12"
  }
}
