import type { JobDefinition } from "./define-job";

const jobs = new Map<string, JobDefinition>();

export function registerJob<Payload, Result, Input>(job: JobDefinition<Payload, Result, Input>): JobDefinition<Payload, Result, Input> {
  const existing = jobs.get(job.name);
  if (existing && existing !== job) throw new Error(`Two jobs are named "${job.name}"`);
  jobs.set(job.name, job as unknown as JobDefinition);
  return job;
}

export function getJob(name: string): JobDefinition | undefined {
  return jobs.get(name);
}

export function registeredJobNames(): string[] {
  return [...jobs.keys()].sort();
}
