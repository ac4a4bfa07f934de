import { BarChart3, Globe, Megaphone, ShieldCheck, Sparkles, TrendingUp, type LucideIcon } from "lucide-react";

export const FEATURES: Array<{ icon: LucideIcon; title: string; body: string }> = [
  {
    icon: Globe,
    title: "Your website becomes a brand kit",
    body: "Paste your address. AdPilot reads your colours, logo, fonts and tone of voice so every ad looks and sounds like you.",
  },
  {
    icon: Sparkles,
    title: "Creatives in every Meta format",
    body: "Images and short videos for feed, Stories and Reels (1:1, 4:5, 9:16, 16:9), with headlines and calls to action that fit your brand.",
  },
  {
    icon: Megaphone,
    title: "From goal to live ads in minutes",
    body: "Pick what you want (leads, sales, awareness, app installs, events, store visits, retargeting). AdPilot sets up the campaign, audience and ads on Meta.",
  },
  {
    icon: BarChart3,
    title: "Numbers you can trust",
    body: "Spend, results, cost per result and return on ad spend, synced from Meta every four hours and correct to the cent.",
  },
  {
    icon: TrendingUp,
    title: "A careful budget optimizer",
    body: "Each day it moves budget toward the ads that earn the most, only when the evidence is strong, never more than 20% at a time.",
  },
  {
    icon: ShieldCheck,
    title: "Safe with your money and access",
    body: "Meta tokens are encrypted at rest, every change is logged, and nothing is ever created twice on your ad account.",
  },
];
