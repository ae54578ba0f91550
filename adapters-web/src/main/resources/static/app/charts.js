// Line charts on canvas: the heart rate over time, the pulse waveform with its beats, the spectrum with its peak.

const INK = "#1d2430";
const MUTED = "#5b6576";
const GRID = "#e4e8ef";
const ACCENT = "#c62f4b";
const PAD = { left: 40, right: 12, top: 12, bottom: 24 };

/** Sizes the canvas to its CSS box at the screen's pixel density and returns a context in CSS pixels. */
function prepare(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.font = "11px system-ui, sans-serif";
  return { context, width, height };
}

function range(values, fallback) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (high - low < 1e-9) { low -= 1; high += 1; }
  return [low, high];
}

/** Round tick values over [low, high]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
function ticks(low, high, count) {
  const raw = (high - low) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(m => m * power).find(candidate => candidate >= raw) || raw;
  const values = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + 1e-9; v += step) values.push(v);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { values, format: v => v.toFixed(decimals) };
}

/** Axes, grid and labels at round values; returns the functions that place a value on the canvas. */
function frame(context, width, height, [x0, x1], [y0, y1], { xLabel, yTicks = 4, xTicks = 5 }) {
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = v => PAD.left + (v - x0) / (x1 - x0) * plotW;
  const y = v => PAD.top + (1 - (v - y0) / (y1 - y0)) * plotH;
  context.strokeStyle = GRID;
  context.fillStyle = MUTED;
  context.lineWidth = 1;
  context.textAlign = "right";
  context.textBaseline = "middle";
  const rows = ticks(y0, y1, yTicks);
  for (const value of rows.values) {
    context.beginPath();
    context.moveTo(PAD.left, y(value));
    context.lineTo(width - PAD.right, y(value));
    context.stroke();
    context.fillText(rows.format(value), PAD.left - 6, y(value));
  }
  context.textBaseline = "top";
  const columns = ticks(x0, x1, xTicks);
  columns.values.forEach((value, i) => {
    const last = i === columns.values.length - 1;
    context.textAlign = last && x(value) > width - PAD.right - 20 ? "right" : "center";
    context.fillText(columns.format(value) + (last && xLabel ? " " + xLabel : ""), x(value), height - PAD.bottom + 6);
  });
  return { x, y };
}

function line(context, xs, ys, place, colour = INK, width = 1.6) {
  context.strokeStyle = colour;
  context.lineWidth = width;
  context.beginPath();
  let started = false;
  xs.forEach((xv, i) => {
    if (!Number.isFinite(ys[i])) return;
    const px = place.x(xv);
    const py = place.y(ys[i]);
    if (started) context.lineTo(px, py); else context.moveTo(px, py);
    started = true;
  });
  context.stroke();
}

function note(canvas, text) {
  const { context, width, height } = prepare(canvas);
  context.fillStyle = MUTED;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(text, width / 2, height / 2);
}

/** The heart rate over time: `[{t, bpm}]`, with the final figure as a dashed line. */
export function drawHeartRateSeries(canvas, series, finalBpm) {
  if (!series || series.length === 0) return note(canvas, "No heart rate over time for this scan");
  const { context, width, height } = prepare(canvas);
  const ts = series.map(p => p.t);
  const bpms = series.map(p => p.bpm);
  const [low, high] = range([...bpms, finalBpm], [60, 80]);
  const place = frame(context, width, height, range(ts, [0, 1]), [Math.floor(low - 3), Math.ceil(high + 3)], { xLabel: "s" });
  if (Number.isFinite(finalBpm)) {
    context.setLineDash([4, 4]);
    line(context, [ts[0], ts[ts.length - 1]], [finalBpm, finalBpm], place, MUTED, 1);
    context.setLineDash([]);
  }
  line(context, ts, bpms, place, ACCENT, 2);
}

/** The pulse waveform (`values` at `sample_rate_hz`) with a mark at each beat (`beats_s`). */
export function drawWaveform(canvas, waveform) {
  const { context, width, height } = prepare(canvas);
  const rate = waveform.sample_rate_hz || 30;
  const ts = waveform.values.map((_, i) => i / rate);
  const duration = ts.length ? ts[ts.length - 1] : 1;
  const place = frame(context, width, height, [0, Math.max(duration, 1)], [-1.1, 1.1], { xLabel: "s", yTicks: 4 });
  line(context, ts, waveform.values, place, INK, 1.4);
  context.fillStyle = ACCENT;
  for (const beat of waveform.beats_s || []) {
    const index = Math.min(waveform.values.length - 1, Math.max(0, Math.round(beat * rate)));
    const px = place.x(beat);
    const py = place.y(waveform.values[index] ?? 0);
    context.beginPath();
    context.arc(px, py, 3.2, 0, Math.PI * 2);
    context.fill();
  }
}

/** The spectrum (`power` over `bpm`) with the chosen peak marked and labelled. */
export function drawSpectrum(canvas, spectrum) {
  const { context, width, height } = prepare(canvas);
  const place = frame(context, width, height, range(spectrum.bpm, [40, 200]), [0, 1.05], { xLabel: "bpm", yTicks: 4 });
  line(context, spectrum.bpm, spectrum.power, place, INK, 1.6);
  if (Number.isFinite(spectrum.peak_bpm)) {
    const px = place.x(spectrum.peak_bpm);
    context.strokeStyle = ACCENT;
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(px, place.y(0));
    context.lineTo(px, place.y(1.05));
    context.stroke();
    context.fillStyle = ACCENT;
    context.textAlign = px > width - 90 ? "right" : "left";
    context.textBaseline = "top";
    context.fillText(spectrum.peak_bpm.toFixed(1) + " bpm", px + (context.textAlign === "left" ? 6 : -6), PAD.top);
  }
}

/** The live waveform: the last `seconds` of samples, newest at the right. */
export function drawLiveWave(canvas, samples, rate, seconds = 8) {
  const { context, width, height } = prepare(canvas);
  const shown = samples.slice(-Math.round(rate * seconds));
  if (shown.length < 2) return;
  const [low, high] = range(shown, [-1, 1]);
  const x = i => 4 + i / (Math.round(rate * seconds) - 1) * (width - 8);
  const y = v => 6 + (1 - (v - low) / (high - low)) * (height - 12);
  context.strokeStyle = ACCENT;
  context.lineWidth = 2;
  context.beginPath();
  shown.forEach((v, i) => (i ? context.lineTo(x(i), y(v)) : context.moveTo(x(i), y(v))));
  context.stroke();
}

/** The face box over the preview: `face` is in the video's pixels; the video is drawn contained in the canvas. */
export function drawFaceBox(canvas, video, face) {
  const { context, width, height } = prepare(canvas);
  if (!face || !video.videoWidth) return;
  const scale = Math.min(width / video.videoWidth, height / video.videoHeight);
  const offsetX = (width - video.videoWidth * scale) / 2;
  const offsetY = (height - video.videoHeight * scale) / 2;
  context.strokeStyle = "#46d18c";
  context.lineWidth = 3;
  context.strokeRect(offsetX + face.x * scale, offsetY + face.y * scale, face.w * scale, face.h * scale);
}

export function clear(canvas) {
  prepare(canvas);
}
