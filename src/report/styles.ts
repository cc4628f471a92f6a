/** Styles of the report and the served viewer (inlined; the CSP allows exactly this text by hash). */
export const REPORT_CSS = String.raw`
:root { --fg: #1d1d1f; --muted: #5f6368; --bg: #fbfaf7; --panel: #ffffff; --line: #dcd8cf; --focus: #1a56db; --unknown: #80868b; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--focus); }
.skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5em 1em; z-index: 20; }
.skip:focus { left: .5em; }
header.top { padding: .8em 1.2em; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0; font-size: 1.35em; line-height: 1.3; overflow-wrap: anywhere; }
header.top .meta { color: var(--muted); font-size: .9em; margin: .2em 0 0; overflow-wrap: anywhere; }
nav.sections { display: flex; flex-wrap: wrap; gap: .3em .9em; margin-top: .4em; font-size: .92em; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1em; padding: 1em; max-width: 1400px; margin: 0 auto; }
@media (min-width: 1000px) {
  .layout { grid-template-columns: minmax(0, 1fr) 420px; }
  .layout aside { order: 2; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
  .layout article { order: 1; }
}
section.panel, article.story { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .8em 1em; margin-bottom: 1em; }
section.panel h2, article.story h2 { font-size: 1.05em; margin: 0 0 .5em; }
article.story { font-family: Georgia, "Times New Roman", serif; font-size: 1.06em; line-height: 1.7; }
article.story p { margin: 0 0 .8em; overflow-wrap: break-word; }
article.story h3 { font-family: system-ui, sans-serif; font-size: 1.1em; margin: 1.4em 0 .6em; }
article.story hr { border: 0; border-top: 1px dashed var(--line); margin: 1.2em 30%; }
.q { --c: var(--unknown); --t: #eceff1; background: var(--t); border-bottom: 3px solid var(--c); border-radius: 3px; padding: 0 .1em; cursor: pointer; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.q:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.q.low { border-bottom-style: dashed; }
.q.low::after { content: "?"; font: bold .7em system-ui, sans-serif; color: var(--c); vertical-align: super; margin-left: .1em; }
.q.none { border-bottom-style: dotted; }
.q.corrected::after { content: "✓"; font: bold .7em system-ui, sans-serif; color: var(--c); vertical-align: super; margin-left: .1em; }
.dim .q:not(.hl) { background: transparent; border-bottom-color: var(--line); }
.dim .q:not(.hl)::after { content: none; }
#tip { position: absolute; z-index: 30; max-width: min(22em, 90vw); background: #202124; color: #fff; padding: .5em .7em; border-radius: 6px; font: .88em/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); pointer-events: none; }
#tip[hidden] { display: none; }
#tip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .1em .6em; }
#tip dt { color: #bdc1c6; }
#tip dd { margin: 0; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 50%; background: var(--c); vertical-align: -.1em; margin-right: .35em; border: 1px solid rgba(0,0,0,.25); }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { text-align: left; padding: .25em .4em; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.cast-name { font: inherit; background: none; border: 0; padding: 0; color: inherit; text-align: left; cursor: pointer; font-weight: 600; }
.cast-name[aria-pressed="true"] { text-decoration: underline; text-decoration-thickness: 2px; }
.aliases { color: var(--muted); font-size: .92em; overflow-wrap: anywhere; }
#graph { width: 100%; height: 380px; overflow: hidden; position: relative; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.bars { list-style: none; padding: 0; margin: 0; }
.bars li { display: grid; grid-template-columns: 8em 1fr 3.5em; align-items: center; gap: .4em; font-size: .9em; margin: .2em 0; }
.bars .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bars .track { background: #f1f0ec; border-radius: 3px; height: .9em; }
.bars .bar { background: var(--c); height: 100%; border-radius: 3px; min-width: 1px; }
.bars .val { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
table.presence td.cell { padding: 0; min-width: 10px; height: 1.4em; border-left: 1px solid #fff; }
table.presence td.cell span { display: block; width: 100%; height: 100%; background: var(--c); }
table.presence th { white-space: nowrap; font-weight: 600; max-width: 9em; overflow: hidden; text-overflow: ellipsis; }
.legend { color: var(--muted); font-size: .85em; margin: .4em 0 0; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin-top: .6em; }
button, select, input[type=text], .button { font: inherit; font-size: .92em; padding: .35em .7em; border: 1px solid #b8b4aa; border-radius: 5px; background: #fff; color: var(--fg); }
button, .button { cursor: pointer; text-decoration: none; display: inline-block; }
button:focus, select:focus, input:focus, .button:focus, .cast-name:focus, a:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.primary { background: var(--focus); color: #fff; border-color: var(--focus); }
#drop { border: 2px dashed #b8b4aa; border-radius: 8px; padding: 1.2em; text-align: center; color: var(--muted); margin: 1em; }
#drop.over { border-color: var(--focus); color: var(--focus); background: #eef3ff; }
#status { color: var(--muted); font-size: .9em; min-height: 1.2em; }
#status.error { color: #b00020; }
#editor { position: sticky; bottom: 0; z-index: 25; background: var(--panel); border-top: 2px solid var(--focus); padding: .7em 1em; box-shadow: 0 -2px 8px rgba(0,0,0,.12); }
#editor[hidden] { display: none; }
#editor h2 { font-size: 1em; margin: 0 0 .4em; }
#editor .quote-text { font-family: Georgia, serif; margin: 0 0 .5em; max-height: 4.8em; overflow: auto; overflow-wrap: anywhere; }
#editor form, #editor .row { display: flex; flex-wrap: wrap; gap: .4em; align-items: center; margin: .3em 0; }
#editor label { font-size: .9em; }
#editor input[type=text] { min-width: 14em; flex: 1 1 14em; max-width: 24em; }
.files { margin: .5em 1em; }
.files button { margin: .2em; }
.noscript { padding: 1em; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  .layout { padding: .5em; }
  section.panel, article.story { padding: .6em .7em; }
  #graph { height: 260px; }
  .bars li { grid-template-columns: 6em 1fr 3em; }
  th.hide-sm, td.hide-sm { display: none; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
