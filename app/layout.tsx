import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AdPilot: Meta ads for small businesses", template: "%s · AdPilot" },
  description:
    "Connect your Meta ad account, turn your website into a brand kit and on-brand creatives, launch campaigns and let a careful optimizer move budget to what works.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4338ca" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so its scripts carry that request's CSP nonce
  // (a prerendered page would ship without one and be blocked). See proxy.ts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        {children}
        <Toaster position="top-right" richColors closeButton />
      </body>
    </html>
  );
}
