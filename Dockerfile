# Self-hosting AdPilot: one Node server (jobs and schedules run inside it unless
# QStash is configured). Build: docker build -t adpilot .
# Run: see "Self-hosting" in the README (DATABASE_URL, secrets, a volume for DATA_DIR).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts run here (sharp's and resvg's native binaries, ffmpeg's static build).
RUN npm ci
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 DATA_DIR=/data PORT=3000
WORKDIR /app
# The whole built tree: `npm start` applies migrations first (tsx + drizzle's migrator + db/migrations).
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
CMD ["npm", "start"]
