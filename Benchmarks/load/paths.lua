-- wrk script: cycles through the pages managers use most, prints p50/p95/p99.
local paths = {
  "/themes", "/themes/proprete", "/themes/equipements-communs",
  "/search?q=ascenseur", "/search?q=gardien&where=groupe%3Dlocataire",
  "/search?q=%22parties+communes%22&where=territoire%3DRive+droite",
  "/search?theme=proprete&where=groupe%3Dlocataire", "/search?q=charges&page=2",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s (%.0f/s), errors %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), errors))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
