/// The style sheet every page of ``CoverageHTMLReport`` carries inline.
enum CoverageHTMLStyle {
    static let css = """
    * { box-sizing: border-box; }
    html { color-scheme: light; }
    body { margin: 0; background: #f6f8fa; color: #1f2328;
      font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
    a { color: #0969da; text-decoration: none; }
    a:hover { text-decoration: underline; }
    header.top { background: #24292f; color: #fff; padding: 18px 32px 16px; }
    header.top h1 { margin: 0; font-size: 20px; font-weight: 600; word-break: break-all; }
    header.top .crumbs { margin-top: 4px; font-size: 13px; color: #afb8c1; }
    header.top .crumbs a { color: #8cc4ff; }
    main { padding: 24px 32px 40px; max-width: 1440px; }
    h2 { font-size: 15px; font-weight: 600; margin: 28px 0 10px; }
    .summary { display: flex; flex-wrap: wrap; gap: 16px; }
    .metric { flex: 0 0 220px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 16px; }
    .metric .label { font-size: 12px; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; color: #57606a; }
    .metric .value { display: flex; align-items: baseline; gap: 8px; margin: 2px 0 8px; }
    .metric .pct { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .metric .count { color: #57606a; font-variant-numeric: tabular-nums; }
    .bar { height: 8px; min-width: 80px; background: #eaeef2; border-radius: 4px; overflow: hidden; }
    .bar span { display: block; height: 100%; border-radius: 4px; }
    .high .bar span { background: #2da44e; }
    .medium .bar span { background: #d4a72c; }
    .low .bar span { background: #cf222e; }
    .pct.high, .high .pct { color: #1a7f37; }
    .pct.medium, .medium .pct { color: #9a6700; }
    .pct.low, .low .pct { color: #cf222e; }
    .panel { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; overflow: hidden; }
    table.grid { width: 100%; border-collapse: collapse; }
    table.grid th, table.grid td { padding: 7px 12px; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: middle; }
    table.grid thead th { background: #f6f8fa; font-size: 12px; font-weight: 600; color: #57606a; border-bottom: 1px solid #d0d7de; white-space: nowrap; }
    table.grid tbody tr:last-child td { border-bottom: 0; }
    table.grid td.num, table.grid th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.grid td.count { color: #57606a; }
    table.grid td.barcell { width: 160px; padding-right: 4px; }
    table.grid td.pct { padding-right: 6px; }
    table.grid td.count { padding-left: 6px; text-align: left; }
    table.defines .num { width: 90px; }
    table.defines td.name { width: 30%; }
    table.grid tr.chart td { background: #f6f8fa; font-weight: 600; border-top: 1px solid #d0d7de; }
    table.grid tr.file td.name { padding-left: 28px; }
    table.grid tr.total td { background: #f6f8fa; font-weight: 600; border-top: 1px solid #d0d7de; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
    .tag { display: inline-block; margin-left: 8px; padding: 0 7px; border-radius: 10px; background: #eaeef2; color: #57606a;
      font: 600 11px/18px system-ui, "Liberation Sans", "DejaVu Sans", sans-serif; vertical-align: 1px; }
    .legend { display: flex; flex-wrap: wrap; gap: 18px; margin: 0 0 10px; color: #57606a; font-size: 13px; }
    .legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; border: 1px solid #d0d7de; }
    .swatch.hit { background: #ccffd8; } .swatch.partial { background: #fff1c2; } .swatch.miss { background: #ffcecb; }
    .swatch.plain { background: #fff; }
    .source { overflow-x: auto; }
    table.code { border-collapse: collapse; min-width: 100%; line-height: 20px; }
    table.code td { padding: 0; vertical-align: top; }
    table.code td.ln { width: 1%; min-width: 48px; padding: 0 10px; text-align: right; color: #8c959f; background: #f6f8fa;
      border-right: 1px solid #d0d7de; user-select: none; }
    table.code td.ln a { color: inherit; }
    table.code td.hits { width: 1%; min-width: 52px; padding: 0 10px; text-align: right; color: #8c959f; border-right: 1px solid #eaeef2;
      font-variant-numeric: tabular-nums; white-space: nowrap; user-select: none; }
    table.code td.src { padding: 0 14px; white-space: pre; tab-size: 4; }
    table.code tr.hit td.src { background: #e6ffec; }
    table.code tr.hit td.hits { background: #ccffd8; color: #1a7f37; }
    table.code tr.miss td.src { background: #ffebe9; }
    table.code tr.miss td.hits { background: #ffcecb; color: #a40e26; font-weight: 600; }
    table.code tr.partial td.hits { background: #fff1c2; color: #7d4e00; }
    table.code tr:target td { box-shadow: inset 0 1px #0969da, inset 0 -1px #0969da; }
    .arm { display: inline-block; margin-left: 10px; padding: 0 7px; border-radius: 9px; background: #fff; color: #a40e26;
      border: 1px solid #ff8182; font: 600 11px/16px system-ui, "Liberation Sans", "DejaVu Sans", sans-serif; white-space: nowrap; }
    footer { margin-top: 28px; color: #8c959f; font-size: 12px; }
    """
}
