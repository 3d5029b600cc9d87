# The guanxi app (API + explorer) for docker compose; Neo4j runs in its own container.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
# No scripts yet: the root `prepare` (compiling server/src) needs the sources copied below.
# (esbuild's install script is the only other one, and nothing in the image runs esbuild.)
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:server && npm run build
ENV NODE_ENV=production PORT=4000
EXPOSE 4000
CMD ["npm", "start"]
