// The scan page: sign in, scan live or upload a video, read the report, open earlier scans. Everything it asks of
// the platform goes through the SDK; credentials live in the SDK client's memory only.
import { RppgClient, RppgError, ScanFailedError } from "/sdk/rppg.js";
import { clear, drawFaceBox, drawHeartRateSeries, drawLiveWave, drawSpectrum, drawWaveform } from "./charts.js";

const client = new RppgClient();
const $ = id => document.getElementById(id);

const GUIDANCE = {
  no_face: "Move into the frame",
  face_too_small: "Move closer",
  too_dark: "More light, please",
  hold_still: "Hold still",
};

const REASON_LABELS = {
  heart_rate: "Heart rate",
  respiratory_rate: "Respiratory rate",
  hrv: "Heart rate variability",
  "signal_quality.stability": "Signal stability",
  blood_pressure: "Blood pressure",
  spo2: "Blood oxygen (SpO2)",
};

/** What the person reads when something fails: the API's own message, else a sentence of the page's. */
function messageOf(error) {
  if (error instanceof RppgError) return error.message;
  if (error && error.name === "NotAllowedError") {
    return "The camera was refused. Allow this site to use the camera in the browser's settings, then press Start again.";
  }
  if (error && error.name === "NotFoundError") return "No camera was found on this device.";
  return "Something went wrong: " + (error && error.message ? error.message : String(error));
}

// --- signing in

function showWorkspace(name) {
  $("signin").hidden = true;
  $("workspace").hidden = false;
  $("account").hidden = false;
  $("account-name").textContent = name;
  $("signin-error").textContent = "";
  selectPanel("live");
}

function showSignIn(message = "") {
  stopLive();
  $("workspace").hidden = true;
  $("account").hidden = true;
  $("signin").hidden = false;
  $("report").hidden = true;
  $("signin-error").textContent = message;
  $("login-email").focus();
}

client.onSignedOut = () => showSignIn("Your session has ended; sign in again.");

$("login-form").addEventListener("submit", async event => {
  event.preventDefault();
  const email = $("login-email").value.trim();
  const password = $("login-password").value;
  if (!email || !password) {
    $("signin-error").textContent = "Enter your email and password.";
    return;
  }
  $("login-submit").disabled = true;
  $("signin-error").textContent = "";
  try {
    await client.login(email, password);
    $("login-password").value = "";
    showWorkspace(email);
  } catch (error) {
    $("signin-error").textContent = messageOf(error);
  } finally {
    $("login-submit").disabled = false;
  }
});

$("key-form").addEventListener("submit", async event => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (!key) {
    $("signin-error").textContent = "Paste an API key.";
    return;
  }
  client.useApiKey(key);
  try {
    // A cheap call proves the key before the page opens.
    await client.listSessions({ limit: 1 });
    $("api-key").value = "";
    showWorkspace("API key " + key.slice(0, 14) + "...");
  } catch (error) {
    client.signOut();
    $("signin-error").textContent = messageOf(error);
  }
});

$("sign-out").addEventListener("click", () => {
  client.onSignedOut = null;
  client.signOut();
  client.onSignedOut = () => showSignIn("Your session has ended; sign in again.");
  showSignIn();
});

// --- panels

function selectPanel(name) {
  for (const tab of document.querySelectorAll(".tab")) {
    const selected = tab.dataset.panel === name;
    tab.setAttribute("aria-pressed", String(selected));
    $(tab.dataset.panel).hidden = !selected;
  }
  if (name === "history") loadHistory();
}

for (const tab of document.querySelectorAll(".tab")) {
  tab.addEventListener("click", () => selectPanel(tab.dataset.panel));
}

// --- live

const live = { scan: null, stream: null, timer: null, startedAt: 0, seconds: 30, wave: [], rate: 30 };
const RING_LENGTH = 2 * Math.PI * 52;

function setRing(fraction) {
  const clamped = Math.max(0, Math.min(1, fraction));
  $("ring-fill").setAttribute("stroke-dashoffset", String(RING_LENGTH * (1 - clamped)));
  // A round cap would draw a dot at zero.
  $("ring-fill").setAttribute("visibility", clamped > 0 ? "visible" : "hidden");
  $("live-progress").setAttribute("aria-valuenow", String(Math.round(clamped * 100)));
}

function guide(text) {
  $("live-guidance").textContent = text;
}

$("live-start").addEventListener("click", async () => {
  $("live-error").textContent = "";
  $("live-start").disabled = true;
  $("report").hidden = true;
  live.seconds = Number($("live-seconds").value) || 30;
  live.wave = [];
  $("live-hr").textContent = "--";
  setRing(0);
  try {
    guide("Starting the camera...");
    // The camera is asked for here, after the person pressed Start, and never before.
    live.stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: "user" }, audio: false });
    const video = $("preview");
    video.srcObject = live.stream;
    await video.play();
    $("preview-idle").hidden = true;
    guide("Connecting...");
    live.scan = await client.startLiveScan(live.stream, {
      onVitals: message => {
        $("live-hr").textContent = message.heart_rate.toFixed(0);
        guide("Heart rate found; keep still");
        live.rate = message.waveform_rate || live.rate;
        live.wave.push(...(message.waveform || []));
        live.wave = live.wave.slice(-live.rate * 12);
        drawLiveWave($("live-wave"), live.wave, live.rate);
        drawFaceBox($("face-box"), video, message.face);
      },
      onStatus: message => {
        guide(GUIDANCE[message.status] || message.message || message.status);
        if (message.face) drawFaceBox($("face-box"), video, message.face); else clear($("face-box"));
      },
      onError: error => { $("live-error").textContent = messageOf(error); },
    });
    live.startedAt = performance.now();
    guide("Look at the camera; the heart rate appears after 10 seconds");
    $("live-stop").disabled = false;
    live.timer = setInterval(() => {
      const elapsed = (performance.now() - live.startedAt) / 1000;
      setRing(elapsed / live.seconds);
      if (elapsed >= live.seconds) finishLive();
    }, 200);
  } catch (error) {
    $("live-error").textContent = messageOf(error);
    guide("Press Start to try again");
    stopLive();
  }
});

$("live-stop").addEventListener("click", () => finishLive());

async function finishLive() {
  const scan = live.scan;
  if (!scan) return;
  clearInterval(live.timer);
  live.timer = null;
  $("live-stop").disabled = true;
  guide("Computing the report...");
  try {
    const result = await scan.stop();
    setRing(1);
    guide("Done");
    await openReport(result.session_id);
  } catch (error) {
    $("live-error").textContent = messageOf(error);
    guide("Press Start to try again");
    if (error instanceof ScanFailedError) showFailure(scan.sessionId, error.message);
  } finally {
    stopLive();
  }
}

function stopLive() {
  clearInterval(live.timer);
  live.timer = null;
  if (live.scan) live.scan.cancel();
  live.scan = null;
  if (live.stream) live.stream.getTracks().forEach(track => track.stop());
  live.stream = null;
  $("preview").srcObject = null;
  $("preview-idle").hidden = false;
  clear($("face-box"));
  $("live-start").disabled = false;
  $("live-stop").disabled = true;
}

// --- upload

async function upload(file) {
  $("upload-error").textContent = "";
  $("report").hidden = true;
  const bar = $("upload-progress");
  bar.hidden = false;
  bar.value = 0;
  $("upload-file").disabled = true;
  $("upload-status").textContent = "Uploading " + file.name + "...";
  try {
    const result = await client.scanVideo(file, {
      onProgress: progress => {
        bar.value = progress.fraction;
        if (progress.phase === "processing") $("upload-status").textContent = "Analysing the video...";
      },
    });
    $("upload-status").textContent = "Done";
    showReport(result);
  } catch (error) {
    bar.hidden = true;
    if (error instanceof ScanFailedError) {
      // The scan ran and failed: the report says why, in the API's words.
      $("upload-status").textContent = "The scan failed.";
      showFailure(error.details?.session_id, error.message);
    } else {
      $("upload-status").textContent = "";
      $("upload-error").textContent = messageOf(error);
    }
  } finally {
    $("upload-file").disabled = false;
    $("upload-file").value = "";
  }
}

$("upload-file").addEventListener("change", () => {
  const file = $("upload-file").files[0];
  if (file) upload(file);
});

const dropZone = $("drop-zone");
dropZone.addEventListener("dragover", event => {
  event.preventDefault();
  dropZone.classList.add("over");
});
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("over"));
dropZone.addEventListener("drop", event => {
  event.preventDefault();
  dropZone.classList.remove("over");
  const file = event.dataTransfer.files[0];
  if (file) upload(file);
});

// --- history

async function loadHistory() {
  const list = $("history-list");
  $("history-error").textContent = "";
  try {
    const { sessions } = await client.listSessions({ limit: 20 });
    list.replaceChildren(...sessions.map(historyItem));
    if (sessions.length === 0) {
      const empty = document.createElement("li");
      empty.className = "muted";
      empty.textContent = "No scans yet.";
      list.append(empty);
    }
  } catch (error) {
    $("history-error").textContent = messageOf(error);
  }
}

function historyItem(session) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.session = session.session_id;
  const when = document.createElement("span");
  when.textContent = new Date(session.created_at).toLocaleString();
  const what = document.createElement("span");
  what.textContent = session.heart_rate != null ? session.heart_rate.toFixed(0) + " bpm" : "";
  const badge = document.createElement("span");
  badge.className = "badge " + session.status;
  badge.textContent = session.status;
  button.append(when, what, badge);
  button.addEventListener("click", () => openReport(session.session_id));
  item.append(button);
  return item;
}

$("history-refresh").addEventListener("click", loadHistory);

// --- report

async function openReport(sessionId) {
  try {
    const result = await client.getVitals(sessionId, { include: ["waveform", "spectrum"] });
    if (result.status === "failed" || result.status === "expired") showFailure(sessionId, result.error || "The scan failed");
    else if (result.status === "completed") showReport(result);
    else showFailure(sessionId, "This scan is still " + result.status + ".");
  } catch (error) {
    showFailure(sessionId, messageOf(error));
  }
}

function figure(value, digits = 0) {
  return value == null || !Number.isFinite(value) ? "--" : value.toFixed(digits);
}

function showFailure(sessionId, message) {
  $("report").hidden = false;
  $("report-session").textContent = sessionId ? "Scan " + sessionId : "";
  $("report-failure").hidden = false;
  $("report-failure").textContent = message;
  $("report-body").hidden = true;
}

function showReport(result) {
  const vitals = result.vitals;
  const report = $("report");
  report.hidden = false;
  $("report-failure").hidden = true;
  $("report-body").hidden = false;
  $("report-session").textContent = "Scan " + result.session_id + " - " + new Date(vitals.timestamp).toLocaleString()
    + " - " + figure(vitals.analysed_seconds, 1) + " s analysed";
  $("r-hr").textContent = figure(vitals.heart_rate, 1);
  $("r-rr").textContent = figure(vitals.respiratory_rate, 1);
  $("r-sdnn").textContent = figure(vitals.hrv_detail?.sdnn_ms ?? vitals.hrv, 1);
  $("r-rmssd").textContent = figure(vitals.hrv_detail?.rmssd_ms, 1);
  $("r-confidence").textContent = vitals.confidence == null ? "--" : Math.round(vitals.confidence * 100) + " %";
  const quality = vitals.signal_quality || {};
  $("r-quality").textContent = quality.snr == null ? "--" : figure(quality.snr, 1) + " dB";
  $("r-quality").title = "SNR " + figure(quality.snr, 1) + " dB, stability " + figure(quality.stability, 2)
    + ", periodicity " + figure(quality.periodicity, 2);
  const reasons = Object.entries(vitals.unavailable || {}).map(([field, reason]) => {
    const item = document.createElement("li");
    const label = document.createElement("strong");
    label.textContent = (REASON_LABELS[field] || field) + ": ";
    item.append(label, document.createTextNode(reason));
    return item;
  });
  $("r-unavailable").replaceChildren(...reasons);
  shown = result;
  // The canvases are drawn once the report is laid out, so that they know their size.
  requestAnimationFrame(() => drawReportCharts(result));
  report.scrollIntoView({ behavior: "smooth", block: "start" });
}

function drawReportCharts(result) {
  const vitals = result.vitals;
  drawHeartRateSeries($("r-series"), vitals.heart_rate_series, vitals.heart_rate);
  // The pulse comes with the vitals when asked for (include=waveform,spectrum) and kept for the scan.
  const waveform = vitals.waveform?.values?.length ? vitals.waveform : null;
  const spectrum = vitals.spectrum?.bpm?.length ? vitals.spectrum : null;
  $("r-wave").hidden = !waveform;
  $("r-wave-missing").hidden = Boolean(waveform);
  if (waveform) drawWaveform($("r-wave"), waveform);
  $("r-spectrum").hidden = !spectrum;
  $("r-spectrum-missing").hidden = Boolean(spectrum);
  if (spectrum) drawSpectrum($("r-spectrum"), spectrum);
}

// The report's charts are redrawn at their new size when the window changes (a phone turned, a window resized).
let shown = null;
let redraw = 0;
window.addEventListener("resize", () => {
  cancelAnimationFrame(redraw);
  redraw = requestAnimationFrame(() => {
    if (shown && !$("report").hidden && !$("report-body").hidden) drawReportCharts(shown);
  });
});
