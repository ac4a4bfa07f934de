import type { JobDefinition } from "./define-job";

const jobs = new Map<string, JobDefinition>();

export function registerJob<Payload, Result>(job: JobDefinition<Payload, Result>): JobDefinition<Payload, Result> {
  const existing = jobs.get(job.name);
  if (existing && existing !== job) throw new Error(`Two jobs are named "${job.name}"`);
  jobs.set(job.name, job as JobDefinition);
  return job;
}

export function getJob(name: string): JobDefinition | undefined {
  return jobs.get(name);
}

export function registeredJobNames(): string[] {
  return [...jobs.keys()].sort();
}
