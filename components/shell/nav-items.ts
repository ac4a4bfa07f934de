import { BarChart3, FileText, Images, LayoutDashboard, Megaphone, Palette, Settings, Sparkles, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/studio", label: "Creative Studio", icon: Sparkles },
  { href: "/library", label: "Library", icon: Images },
  { href: "/campaigns", label: "Campaigns", icon: Megaphone },
  { href: "/analytics", label: "Analytics", icon: BarChart3 },
  { href: "/reports", label: "Reports", icon: FileText },
  { href: "/brand", label: "Brand", icon: Palette },
  { href: "/settings", label: "Settings", icon: Settings },
];
