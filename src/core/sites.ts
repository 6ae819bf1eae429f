import table from "./dpg-sites.json";

export type SiteFamily = "ad" | "volkskrant";

export interface SiteInfo {
  domain: string;
  name: string;
  lang: string;
  family: SiteFamily;
}

const SITES = table.sites as SiteInfo[];

/** The DPG title a hostname belongs to (www. and regional subdomains included), or null. */
export function siteFor(hostname: string): SiteInfo | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return SITES.find((s) => host === s.domain || host.endsWith("." + s.domain)) ?? null;
}
