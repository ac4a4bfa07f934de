import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

// Files the offline renderer and media tools open at run time. Vercel's tracer cannot
// see paths built from strings, so they are listed, only for the routes that use them:
// jobs render creatives, uploads make video posters (ffmpeg alone is 68 MB).
const FFMPEG = "./node_modules/@ffmpeg-installer/linux-x64/ffmpeg";
const FONTS = "./node_modules/@expo-google-fonts/{inter,montserrat,playfair-display,fredoka}/{400Regular,500Medium,600SemiBold,700Bold,800ExtraBold}/*.ttf";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite ships WASM and
  // data files it locates relative to itself; sharp, resvg and ffmpeg are native.
  serverExternalPackages: ["@electric-sql/pglite", "sharp", "@resvg/resvg-js", "@ffmpeg-installer/ffmpeg"],
  outputFileTracingIncludes: { "/api/jobs/**": [FONTS, FFMPEG], "/api/assets": [FFMPEG] },
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
  typedRoutes: false,
  experimental: {
    // Logo uploads go through a server action; library uploads use /api/assets.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
