# One image for every service of the hub; docker-compose.yml picks the service by its command.
FROM node:20-slim
WORKDIR /hub
# Dependencies first, so a source change does not reinstall them; npm ci needs every workspace's package.json.
COPY package.json package-lock.json tsconfig.json ./
COPY subgraphs/kit/package.json ./subgraphs/kit/
COPY subgraphs/regions/package.json ./subgraphs/regions/
COPY subgraphs/kvo/package.json ./subgraphs/kvo/
COPY subgraphs/funding/package.json ./subgraphs/funding/
COPY subgraphs/cyber/package.json ./subgraphs/cyber/
COPY subgraphs/riec/package.json ./subgraphs/riec/
COPY gateway/package.json ./gateway/
# tsx is a runtime dependency: every service runs its TypeScript entry point through it. GraphiQL, React, Chart.js
# and the design tokens the gateway serves come from these node_modules too.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What the services read at run time besides their code: SDL files, migrations, reference data (subgraphs/kit/data),
# the dashboard's pages and map (gateway/src/dashboard), the supergraph, its seed set and the operations (schema/).
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY schema ./schema
COPY scripts ./scripts
ENV NODE_ENV=production HOST=0.0.0.0
# The gateway keeps its last good supergraph in .data (a volume in docker-compose.yml), written as the node user.
RUN mkdir -p /hub/.data && chown node:node /hub/.data
USER node
