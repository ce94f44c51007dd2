# One image for every service of the hub; docker-compose.yml picks the service by its command.
FROM node:20-slim
WORKDIR /hub
COPY package.json package-lock.json tsconfig.json ./
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY schema ./schema
COPY scripts ./scripts
# tsx is a runtime dependency: every service runs its TypeScript entry point through it.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
ENV NODE_ENV=production HOST=0.0.0.0
# The gateway keeps its last good supergraph in .data (a volume in docker-compose.yml), written as the node user.
RUN mkdir -p /hub/.data && chown node:node /hub/.data
USER node
