import type { NextConfig } from "next";

// Where the offline renderer and media tools find their files at run time; Vercel's
// tracer cannot see paths built from strings, so they are listed for every route.
const RENDER_FILES = [
  "./node_modules/@expo-google-fonts/inter/**/*.ttf",
  "./node_modules/@expo-google-fonts/montserrat/**/*.ttf",
  "./node_modules/@expo-google-fonts/playfair-display/**/*.ttf",
  "./node_modules/@expo-google-fonts/fredoka/**/*.ttf",
  "./node_modules/@ffmpeg-installer/linux-x64/ffmpeg",
];

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite ships WASM and
  // data files it locates relative to itself; sharp, resvg and ffmpeg are native.
  serverExternalPackages: ["@electric-sql/pglite", "sharp", "@resvg/resvg-js", "@ffmpeg-installer/ffmpeg"],
  outputFileTracingIncludes: { "/**": RENDER_FILES },
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Logo uploads go through a server action; library uploads use /api/assets.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
