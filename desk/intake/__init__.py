"""Reviews that arrive by themselves: a site, a relay (Zapier, Make, n8n) or a script delivers
them, signed with the team's secret, and each becomes a case nobody had to forward."""
