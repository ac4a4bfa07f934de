import { Mail } from "lucide-react";
import { setWeeklyReportEmailAction } from "@/app/(app)/settings/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const OUTCOMES: Record<string, string> = {
  on: "Weekly report emails are on.",
  off: "Weekly report emails are off.",
  invalid: "That setting could not be saved. Try again.",
};

/** The Settings card for the Monday email: off by default; the in-app report is made either way. */
export function WeeklyReportEmailCard({ enabled, emailOff, outcome }: { enabled: boolean; emailOff: boolean; outcome?: string }) {
  return (
    <Card id="reports">
      <CardHeader>
        <CardTitle>Weekly report</CardTitle>
        <CardDescription>
          Every Monday AdPilot makes a report of last week under Reports. You can also have it emailed to you.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <form action={setWeeklyReportEmailAction} className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2 text-sm">
            <Mail className="text-muted-foreground size-4" aria-hidden />
            <span>Email me the weekly report</span>
            <Badge variant={enabled ? "default" : "outline"}>{enabled ? "On" : "Off"}</Badge>
          </div>
          <input type="hidden" name="weeklyReportEmail" value={enabled ? "off" : "on"} />
          <Button type="submit" variant={enabled ? "outline" : "default"}>
            {enabled ? "Turn off" : "Turn on"}
          </Button>
        </form>
        {outcome && OUTCOMES[outcome] && (
          <p role="status" className="text-muted-foreground text-sm">
            {OUTCOMES[outcome]}
          </p>
        )}
        {emailOff && (
          <p className="text-muted-foreground text-sm">
            Email is not configured on this server, so nothing is sent for now; your reports are still made and kept under
            Reports.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
