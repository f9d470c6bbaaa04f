/// Opora's one stylesheet: readable on an old laptop and on a phone, no web fonts, no framework.
enum Stylesheet {
    static let css = """
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:16px/1.5 "DejaVu Sans",Arial,sans-serif;color:#1d2733;background:#f6f7f9}
    a{color:#0b57a4}
    a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a500;outline-offset:1px}
    .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding:10px 20px;background:#15385f;color:#fff}
    header.top a{color:#fff}
    .brand{font-weight:bold;font-size:20px;text-decoration:none}
    header nav ul{display:flex;flex-wrap:wrap;gap:2px 12px;list-style:none;margin:0;padding:0}
    header nav ul.groups{gap:6px 22px}
    header nav .group{display:block;font-size:12px;color:#c9d6e6;text-transform:uppercase;letter-spacing:.03em}
    header nav a[aria-current]{text-decoration:none;border-bottom:2px solid #f0a500}
    .menu-open,.menu-button{display:none}
    .menu-button{border:1px solid #fff;border-radius:4px;padding:2px 12px;cursor:pointer}
    .menu-open:focus-visible+.menu-button{outline:3px solid #f0a500;outline-offset:1px}
    @media (max-width:900px){
      .menu-open{display:block;position:absolute;opacity:0;width:1px;height:1px}
      header.top nav{display:none;order:5;width:100%}
      .menu-button{display:inline-block}
      .menu-open:checked~nav{display:block}
      header nav ul.groups{flex-direction:column;gap:8px}
    }
    .who{margin-left:auto;display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:14px}
    .who button.link{background:none;border:1px solid #fff;color:#fff;padding:2px 10px}
    .demo{margin:0;padding:8px 20px;background:#fff4d6;border-bottom:1px solid #e6c36a;font-size:14px}
    .programme-bar{margin:0;padding:6px 20px;background:#eef1f5;border-bottom:1px solid #d7dce2;font-size:14px}
    main{max-width:1240px;margin:0 auto;padding:16px 20px 40px;overflow-wrap:break-word}
    footer{max-width:1240px;margin:0 auto;padding:16px 20px;color:#5b6673;font-size:13px}
    h1{font-size:26px;line-height:1.25;margin:12px 0}
    h2{font-size:20px;margin:28px 0 10px}
    h3{font-size:17px;margin:18px 0 6px}
    .lead{font-size:17px;color:#33414f}
    .muted{color:#5b6673;font-size:14px}
    .narrow{max-width:420px;margin:30px auto;background:#fff;padding:20px 24px;border:1px solid #d7dce2;border-radius:6px}
    .field{margin:10px 0}
    .field label{display:block;font-weight:bold;margin-bottom:3px}
    .field.check{display:flex;gap:8px;align-items:center}.field.check label{display:inline;margin:0}
    .field small{display:block;color:#5b6673}
    input[type=text],input[type=password],input[type=search],input[type=url],input[type=email],select,textarea{width:100%;max-width:520px;padding:7px 9px;font:inherit;border:1px solid #8795a4;border-radius:4px;background:#fff}
    input[type=file]{max-width:100%}
    .invalid input,.invalid select,.invalid textarea{border-color:#b3261e;border-width:2px}
    .error{color:#b3261e;margin:4px 0 0;font-weight:bold}
    .error-summary{border:2px solid #b3261e;background:#fdecea;padding:8px 14px;border-radius:4px}
    .notice{border:2px solid #2e7d32;background:#e8f5e9;padding:8px 14px;border-radius:4px}
    button,.button{display:inline-block;padding:8px 16px;font:inherit;background:#0b57a4;color:#fff;border:0;border-radius:4px;cursor:pointer;text-decoration:none}
    button.secondary,.button.secondary{background:#e4e8ed;color:#1d2733}
    form.inline{display:inline;margin:0}
    fieldset{border:1px solid #d7dce2;border-radius:4px;margin:12px 0;max-width:560px}
    .filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:0 16px;align-items:end;background:#fff;padding:10px 16px;border:1px solid #d7dce2;border-radius:6px}
    .filters .actions{display:flex;gap:8px;margin:10px 0}
    .counts a{white-space:nowrap}.counts a[aria-current]{font-weight:bold;text-decoration:none}
    .warn{color:#b3261e}
    .warn-box{border:1px solid #b3261e;background:#fdecea;padding:6px 12px;margin:10px 0;border-radius:4px}
    .scroll{overflow-x:auto;max-width:100%}
    table.data{border-collapse:collapse;width:100%;background:#fff;font-size:15px}
    table.data caption{text-align:left;font-weight:bold;padding:6px 0}
    table.data th,table.data td{border:1px solid #d7dce2;padding:6px 8px;text-align:left;vertical-align:top}
    table.data thead th{background:#eef1f5}
    table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .nowrap{white-space:nowrap}
    button,.button{white-space:nowrap}
    table.plan ul{margin:0;padding-left:18px}
    tr.is-overdue td{background:#fff4f2}
    .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;margin:1px 4px 1px 0;white-space:nowrap}
    .s-planned{background:#e4e8ed}.s-inProgress{background:#dbeafe}.s-done{background:#d7f0da}.s-cancelled{background:#eee;text-decoration:line-through}
    .overdue{background:#b3261e;color:#fff}
    .risk-high{background:#f6d2ce}.risk-medium{background:#fde6bd}.risk-low{background:#e3f1d3}.risk-none{background:#e4e8ed}.risk-unknown{background:#f3f3f3;color:#4a5460}
    .step{display:inline-block;border:1px solid #c9d1da;border-radius:6px;padding:8px 10px;margin:4px 0;width:100%}.gap{border-color:#b3261e;background:#fff4f2}
    dl.passport dt,dl.facts dt{font-weight:bold;margin-top:10px}
    dl.passport dd,dl.facts dd{margin:2px 0 0 0}
    article.guide{max-width:50em}article.guide pre{overflow-x:auto;background:#eef1f4;padding:8px}article.guide table{display:block;overflow-x:auto}
    .chart{width:100%;max-width:780px;height:auto;display:block;margin:8px 0}
    .chart .track{fill:#e4e8ed}.chart .bar{fill:#2e7d32}.chart text{font-size:14px;fill:#1d2733}
    .pages{display:flex;gap:10px;margin:12px 0}
    .sort-links{font-size:14px}
    .token{display:block;padding:8px;background:#fff;border:1px solid #8795a4;word-break:break-all}
    ol.history>li{margin-bottom:10px}
    .measures-short{padding-left:18px}.measures-short .date{font-variant-numeric:tabular-nums;color:#5b6673}

    .demo-inline{background:#fff4d6;border-left:4px solid #e6c36a;padding:6px 12px}
    .cat{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;white-space:nowrap;border:1px solid #8795a4}
    .c-lowResultsAndAdverse{background:#b3261e;color:#fff;fill:#b3261e}
    .c-lowResults{background:#b45309;color:#fff;fill:#b45309}
    .c-adverse{background:#7b1fa2;color:#fff;fill:#7b1fa2}
    .c-resilient{background:#2e7d32;color:#fff;fill:#2e7d32}
    .c-none{background:#e4e8ed;fill:#8795a4}
    .c-insufficientData{background:#fff;fill:#fff;stroke:#5b6673}
    .swatch{display:inline-block;width:12px;height:12px;border-radius:6px;vertical-align:middle}
    .swatch.c-none{background:#8795a4}.swatch.c-insufficientData{border:1px solid #5b6673}
    ol.point-names{columns:2;column-gap:3.5em;font-size:14px;max-width:780px}ol.point-names li{break-inside:avoid}
    @media (max-width:700px){ol.point-names{columns:1}.chart text{font-size:20px}}
    ul.legend,ul.summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:14px}
    .chart .axis{stroke:#5b6673;stroke-width:1}.chart .ref{stroke:#1d2733;stroke-width:1.5;stroke-dasharray:6 4}
    .chart .ref2{stroke:#b3261e;stroke-width:1;stroke-dasharray:3 3}
    .chart .tick{font-size:12px;fill:#33414f}.chart .axis-label{font-size:13px;fill:#1d2733}
    .chart .pt{stroke:#fff;stroke-width:1.5}.chart .pt.dense{stroke-width:.5;fill-opacity:.7}.chart .pt.dim{fill:#9aa5b1;fill-opacity:.35;stroke:none}.chart .pt-label{font-size:12px;fill:#1d2733}.chart .pt-leader{stroke:#52606d;stroke-width:1}.chart .whisker{stroke:#52606d;stroke-width:1.5;stroke-opacity:.6}
    .chart .s-school{stroke:#b3261e;fill:#b3261e}.chart .s-ref{stroke:#0b57a4;fill:#0b57a4}.chart polyline.ln,.chart line.ln{fill:none;stroke-width:2}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
    .charts figure{margin:0;background:#fff;border:1px solid #d7dce2;padding:6px}
    .charts figcaption{font-size:13px;color:#33414f}
    details{background:#fff;border:1px solid #d7dce2;border-radius:4px;padding:6px 12px;margin:6px 0}
    details summary{cursor:pointer;font-weight:bold}
    ul.why li{margin:3px 0}
    .inline-form{display:flex;gap:10px;align-items:end;flex-wrap:wrap}.inline-form .field{margin:0}
    ul.columns{font-size:14px}ul.columns li.not-loaded{color:#8a4b00;font-weight:bold}
    ul.columns code,p.warning code{font-family:inherit;font-size:inherit;background:none;padding:0}
    p.warning{background:#fff6e0;border-left:4px solid #c77d00;padding:8px 12px}
    ul.changes{font-size:14px}
    .edit-section{border-top:2px solid #d7dce2;margin-top:18px;padding-top:6px}
    .edit-direction{margin:10px 0 10px 12px;padding-left:10px;border-left:3px solid #d7dce2}
    .edit-tasks>li{margin:8px 0}.edit-measures{font-size:14px}
    p.actions{display:flex;gap:6px;flex-wrap:wrap;margin:4px 0}
    @media (max-width:700px){
      main{padding:10px 12px 30px}
      button,.button{white-space:normal}
      h1{font-size:22px}
      .who{margin-left:0}
      table.cards thead{display:none}
      table.cards,table.cards tbody,table.cards tr,table.cards th,table.cards td{display:block;width:100%}
      table.cards caption{display:block}
      table.cards tr{border:1px solid #d7dce2;margin-bottom:10px;background:#fff}
      table.cards th,table.cards td,table.cards td.num{border:0;border-bottom:1px solid #eef1f5;text-align:left;white-space:normal}
      table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}
      table.data:not(.cards){display:block;overflow-x:auto;max-width:100%}
    }
    .manual{font-size:13px;color:#7b1fa2}
    .big{font-size:18px}
    table.indicators td{min-width:110px}
    @page{size:A4;margin:14mm 12mm 16mm;@bottom-right{content:"Стр. " counter(page) " из " counter(pages);font-size:9pt}}
    @media print{
      header.top,.filters,footer,.skip,form,.no-print,.crumbs,nav.pages{display:none}
      body{background:#fff;font-size:10pt}
      main{max-width:none;padding:0}
      .demo{border:1px solid #999}
      table.data{font-size:9pt}
      table.data th,table.data td{padding:3px 5px}
      tr,.report-part h2{page-break-inside:avoid}
      h2{page-break-after:avoid}
      a{color:#000;text-decoration:none}
    }
    """
}
