import { ArrowRight, Check } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FEATURES } from "@/components/marketing/features";
import { TIER_ORDER, TIERS } from "@/lib/auth/tiers";

const STEPS = [
  { title: "Connect", body: "Link your Meta ad account, or start in the sandbox with a simulated one." },
  { title: "Create", body: "Turn your website into a brand profile and generate on-brand ads." },
  { title: "Launch and grow", body: "Go live, watch results, and let the optimizer shift budget to what works." },
];

export default function LandingPage() {
  return (
    <>
      <section className="from-primary/10 bg-gradient-to-b to-transparent">
        <div className="mx-auto max-w-4xl px-4 py-20 text-center sm:py-28">
          <p className="text-primary mb-4 text-sm font-semibold tracking-wide uppercase">Facebook and Instagram ads, done for you</p>
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-6xl">Run Meta ads like an agency, without the agency.</h1>
          <p className="text-muted-foreground mx-auto mt-6 max-w-2xl text-lg text-pretty">
            AdPilot turns your website into on-brand ad creatives, launches campaigns on your own ad account, and keeps
            moving budget to what earns the most, carefully.
          </p>
          <div className="mt-10 flex flex-col justify-center gap-3 sm:flex-row">
            <Button size="lg" asChild>
              <Link href="/sign-up">
                Get started free <ArrowRight />
              </Link>
            </Button>
            <Button size="lg" variant="outline" asChild>
              <Link href="/sign-in">I have an account</Link>
            </Button>
          </div>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-16" aria-labelledby="how">
        <h2 id="how" className="text-center text-2xl font-semibold tracking-tight">
          How it works
        </h2>
        <ol className="mt-10 grid gap-6 sm:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step.title} className="rounded-xl border p-6">
              <span className="bg-primary text-primary-foreground grid size-8 place-items-center rounded-full text-sm font-semibold">{index + 1}</span>
              <h3 className="mt-4 font-semibold">{step.title}</h3>
              <p className="text-muted-foreground mt-2 text-sm">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="bg-muted/40 border-y" aria-labelledby="features">
        <div className="mx-auto max-w-6xl px-4 py-16">
          <h2 id="features" className="text-center text-2xl font-semibold tracking-tight">
            Everything a small marketing team needs
          </h2>
          <div className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(({ icon: Icon, title, body }) => (
              <div key={title} className="bg-card rounded-xl border p-6">
                <Icon className="text-primary size-6" aria-hidden />
                <h3 className="mt-4 font-semibold">{title}</h3>
                <p className="text-muted-foreground mt-2 text-sm leading-relaxed">{body}</p>
              </div>
            ))}
          </div>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-16" aria-labelledby="pricing">
        <h2 id="pricing" className="text-center text-2xl font-semibold tracking-tight">
          Simple plans
        </h2>
        <div className="mt-10 grid gap-6 md:grid-cols-3">
          {TIER_ORDER.map((key) => {
            const tier = TIERS[key];
            return (
              <Card key={key} className={key === "professional" ? "border-primary shadow-md" : undefined}>
                <CardHeader>
                  <CardTitle>{tier.label}</CardTitle>
                  <CardDescription>
                    <span className="text-foreground text-3xl font-bold">${tier.monthlyPriceUsd}</span> per month
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <ul className="grid gap-2 text-sm">
                    {[
                      `${tier.imageGenerationsPerMonth.toLocaleString("en-US")} AI images a month`,
                      `${tier.videoGenerationsPerMonth} AI videos a month`,
                      `${tier.connectedAdAccounts} ad account${tier.connectedAdAccounts > 1 ? "s" : ""}`,
                      `${tier.activeCampaigns} active campaigns`,
                      tier.autopilot ? "Autopilot budget optimization" : "Budget recommendations",
                    ].map((line) => (
                      <li key={line} className="flex gap-2">
                        <Check className="text-primary size-4 shrink-0" aria-hidden /> {line}
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            );
          })}
        </div>
      </section>
    </>
  );
}
