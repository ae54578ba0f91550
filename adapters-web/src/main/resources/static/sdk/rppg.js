// The rPPG platform's JavaScript SDK: one ES module, no dependencies, for browsers.
//
//   import { RppgClient } from "/sdk/rppg.js";
//   const rppg = new RppgClient();                 // this origin; or new RppgClient({ baseUrl: "https://..." })
//   await rppg.login("alice@clinic.example", "a long passphrase");   // or rppg.useApiKey("rppg_live_...")
//   const report = await rppg.scanVideo(file, { onProgress: p => console.log(p.phase, p.fraction) });
//   console.log(report.vitals.heart_rate);
//
// Tokens are kept in this object's memory only (never in localStorage) and the access token is refreshed a minute
// before it expires. Every refusal of the API is thrown as an RppgError (or a subclass) carrying the API's code.

/** A refusal of the API, or a scan that failed; `code` is the API's error code (e.g. "NO_SCANS_AVAILABLE"). */
export class RppgError extends Error {
  constructor(message, { code = "UNKNOWN", status = 0, details = null, retryAfter = null, requestId = null } = {}) {
    super(message);
    this.name = this.constructor.name;
    this.code = code;
    this.status = status;
    this.details = details;
    this.retryAfter = retryAfter;
    this.requestId = requestId;
  }
}
/** 401: wrong credentials, or a token that is missing, expired or revoked. */
export class AuthenticationError extends RppgError {}
/** 403: the caller may not do this, or the tenant is suspended. */
export class PermissionError extends RppgError {}
/** 402: the plan's scans are used up. */
export class QuotaError extends RppgError {}
/** 429: too many requests or open sessions; `retryAfter` is in seconds when the API said. */
export class RateLimitError extends RppgError {}
/** 404: an unknown, expired or foreign session, job or device. */
export class NotFoundError extends RppgError {}
/** 400, 409, 413, 415, 422: the request or its video was refused. */
export class InvalidRequestError extends RppgError {}
/** The scan ran and failed: `code` says why (e.g. "NO_FACE_DETECTED"), the message in words. */
export class ScanFailedError extends RppgError {}
/** The network failed, or the server answered 5xx. */
export class ServiceError extends RppgError {}

const ERROR_CLASSES = { 400: InvalidRequestError, 401: AuthenticationError, 402: QuotaError, 403: PermissionError,
  404: NotFoundError, 409: InvalidRequestError, 413: InvalidRequestError, 415: InvalidRequestError,
  422: InvalidRequestError, 429: RateLimitError };

/** Builds the typed error of an HTTP answer, from whichever of the platform's three error shapes it carries. */
export function errorFromResponse(status, body, retryAfterHeader) {
  let code = "HTTP_" + status;
  let message = "The server answered " + status;
  let details = null;
  let requestId = null;
  if (body && typeof body === "object") {
    if (body.error && typeof body.error === "object") {       // v2 and Nervoscan: {error: {code, message, ...}}
      code = body.error.code || code;
      message = body.error.message || message;
      details = body.error.details || null;
      requestId = body.error.request_id || null;
    } else if (body.code || body.detail) {                    // v1: application/problem+json
      code = body.code || code;
      message = body.detail || body.title || message;
      requestId = body.request_id || null;
      details = body;
    }
  }
  let retryAfter = Number.parseInt(retryAfterHeader ?? "", 10);
  if (Number.isNaN(retryAfter)) retryAfter = body && Number.isFinite(body.retry_after) ? body.retry_after : null;
  const Type = ERROR_CLASSES[status] || (status >= 500 ? ServiceError : RppgError);
  return new Type(message, { code, status, details, retryAfter, requestId });
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener("abort", () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
});

const REFRESH_MARGIN_MS = 60_000;

/** A client of one platform, authenticated by a login (access and refresh tokens) or by an API key. */
export class RppgClient {
  /**
   * @param {{baseUrl?: string, apiKey?: string, pollIntervalMs?: number, maxPollIntervalMs?: number}} options
   */
  constructor({ baseUrl = "", apiKey = null, pollIntervalMs = 1000, maxPollIntervalMs = 5000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.pollIntervalMs = pollIntervalMs;
    this.maxPollIntervalMs = maxPollIntervalMs;
    this._apiKey = apiKey;
    this._tokens = null;
    this._refreshTimer = null;
    this._refreshing = null;
    this.onSignedOut = null;
    this.nervoscan = new NervoscanApi(this);
  }

  // --- credentials

  /** Logs in with the v2 login; keeps both tokens in memory and refreshes the access token before it expires. */
  async login(email, password) {
    const answer = await this._json("POST", "/v2/auth/login", { email, password }, { auth: false });
    this._keep(answer);
    return { expiresIn: answer.expires_in };
  }

  /** Exchanges the refresh token for new tokens (the old refresh token is spent). */
  async refresh() {
    if (!this._tokens) throw new AuthenticationError("Not signed in", { code: "INVALID_TOKEN", status: 401 });
    if (!this._refreshing) {
      this._refreshing = this._json("POST", "/v2/auth/refresh", { refresh_token: this._tokens.refresh }, { auth: false })
        .then(answer => this._keep(answer))
        .catch(error => { this.signOut(); throw error; })
        .finally(() => { this._refreshing = null; });
    }
    return this._refreshing;
  }

  /** Uses an API key (`rppg_live_...`) for every call instead of a login. */
  useApiKey(key) {
    this.signOut();
    this._apiKey = key;
  }

  /** Forgets every credential. */
  signOut() {
    const wasSignedIn = this.isSignedIn;
    clearTimeout(this._refreshTimer);
    this._tokens = null;
    this._apiKey = null;
    if (wasSignedIn && this.onSignedOut) this.onSignedOut();
  }

  get isSignedIn() {
    return Boolean(this._apiKey || this._tokens);
  }

  /** The bearer credential of the next call: the API key, or a fresh access token. */
  async credential() {
    if (this._apiKey) return this._apiKey;
    if (!this._tokens) throw new AuthenticationError("Sign in first", { code: "INVALID_TOKEN", status: 401 });
    if (Date.now() > this._tokens.expiresAt - REFRESH_MARGIN_MS) await this.refresh();
    return this._tokens.access;
  }

  _keep(answer) {
    // The v2 login says when the token expires; Nervoscan's does not, so its token's own `exp` is read.
    const lifetimeMs = Math.max(0, answer.expires_in != null ? answer.expires_in * 1000
      : tokenExpiry(answer.access_token) - Date.now());
    this._apiKey = null;
    this._tokens = { access: answer.access_token, refresh: answer.refresh_token, expiresAt: Date.now() + lifetimeMs };
    clearTimeout(this._refreshTimer);
    // Refreshed a minute early (or halfway through a short lifetime), so a call never carries an expired token.
    const wait = Math.max(1000, Math.min(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2));
    this._refreshTimer = setTimeout(() => this.refresh().catch(() => {}), wait);
  }

  // --- the v1 scan API

  /** Opens a scan session (counts one scan of the plan). */
  createSession() {
    return this._json("POST", "/api/v1/scan-session");
  }

  /** Reads a session's status and, when completed, its vitals; `include` may be ["waveform", "spectrum"]. */
  getVitals(sessionId, { include = [] } = {}) {
    const query = include.length ? "?include=" + include.map(encodeURIComponent).join(",") : "";
    return this._json("GET", "/api/v1/scan-session/" + encodeURIComponent(sessionId) + "/vitals" + query);
  }

  /** The tenant's sessions, newest first: `{sessions, next_cursor}`. */
  listSessions({ status, cursor, limit } = {}) {
    const query = new URLSearchParams();
    if (status) query.set("status", status);
    if (cursor) query.set("cursor", cursor);
    if (limit) query.set("limit", String(limit));
    const text = query.toString();
    return this._json("GET", "/api/v1/scan-sessions" + (text ? "?" + text : ""));
  }

  /** Uploads a video to a session; `onProgress(fraction)` follows the upload (XHR, since fetch cannot report it). */
  async uploadVideo(sessionId, file, { onProgress, signal } = {}) {
    const bearer = await this.credential();
    const form = new FormData();
    form.append("file", file, file.name || "recording.webm");
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", this.baseUrl + "/api/v1/scan-session/" + encodeURIComponent(sessionId) + "/video");
      xhr.setRequestHeader("Authorization", "Bearer " + bearer);
      xhr.responseType = "text";
      xhr.upload.onprogress = event => {
        if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          resolve(body);
        } else {
          reject(errorFromResponse(xhr.status, body, xhr.getResponseHeader("Retry-After")));
        }
      };
      xhr.onerror = () => reject(new ServiceError("The upload could not reach the server", { code: "NETWORK_ERROR" }));
      xhr.onabort = () => reject(signal?.reason ?? new RppgError("Upload cancelled", { code: "ABORTED" }));
      signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  /**
   * Polls a session until it is completed (resolves with `{status, session_id, vitals, ...}`) or failed (rejects
   * with a ScanFailedError). Waits grow from pollIntervalMs to maxPollIntervalMs; a 429 waits its Retry-After.
   */
  async waitForResult(sessionId, { include = [], signal, onPoll } = {}) {
    let wait = this.pollIntervalMs;
    for (;;) {
      let answer;
      try {
        answer = await this.getVitals(sessionId, { include });
      } catch (error) {
        if (!(error instanceof RateLimitError) && !(error instanceof ServiceError && error.status >= 500)) throw error;
        await sleep(Math.max(wait, (error.retryAfter ?? 0) * 1000), signal);
        wait = Math.min(this.maxPollIntervalMs, wait * 2);
        continue;
      }
      onPoll?.(answer);
      if (answer.status === "completed") return answer;
      if (answer.status === "failed" || answer.status === "expired") {
        throw new ScanFailedError(answer.error || "The scan failed", { code: answer.error_code || "SCAN_FAILED",
          status: 200, details: answer });
      }
      await sleep(wait, signal);
      wait = Math.min(this.maxPollIntervalMs, Math.round(wait * 1.5));
    }
  }

  /**
   * The whole v1 flow for one video file: open a session, upload with progress, poll until the result.
   * `onProgress({phase: "uploading" | "processing" | "completed", fraction, sessionId})`.
   */
  async scanVideo(file, { onProgress, include = ["waveform", "spectrum"], signal } = {}) {
    const { session_id: sessionId } = await this.createSession();
    const report = progress => onProgress?.({ sessionId, ...progress });
    report({ phase: "uploading", fraction: 0 });
    await this.uploadVideo(sessionId, file, { signal, onProgress: fraction => report({ phase: "uploading", fraction }) });
    report({ phase: "processing", fraction: 1 });
    const result = await this.waitForResult(sessionId, { include, signal });
    report({ phase: "completed", fraction: 1 });
    return result;
  }

  // --- live scans

  /**
   * Starts a live scan of a camera stream: opens a stream (`POST /v2/streams`), records the stream with
   * MediaRecorder in pieces of `timesliceMs` and sends them over the WebSocket; the server answers a `vitals`
   * message every second once it has a full window, and `status` messages when it sees no face, too little light or
   * too much motion. Returns a LiveScan: `stop()` ends it and resolves with the final `{status, vitals}`.
   */
  async startLiveScan(mediaStream, { onVitals, onStatus, onError, timesliceMs = 1000, mimeType } = {}) {
    const start = await this._json("POST", "/v2/streams");
    const token = await this.credential();
    const scan = new LiveScan(this, start, { onVitals, onStatus, onError });
    await scan._connect(this._websocketUrl(), token);
    scan._record(mediaStream, timesliceMs, mimeType ?? pickMimeType());
    return scan;
  }

  _websocketUrl() {
    const base = new URL(this.baseUrl || window.location.origin, window.location.href);
    base.protocol = base.protocol === "https:" ? "wss:" : "ws:";
    base.pathname = "/ws";
    base.search = "";
    return base.toString();
  }

  // --- HTTP

  async _json(method, path, body, { auth = true, bearer } = {}) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) headers.Authorization = "Bearer " + (bearer ?? await this.credential());
    let response;
    try {
      response = await fetch(this.baseUrl + path, { method, headers,
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw new ServiceError("The server could not be reached", { code: "NETWORK_ERROR" });
    }
    const answer = parseJson(await response.text());
    if (!response.ok) throw errorFromResponse(response.status, answer, response.headers.get("Retry-After"));
    if (answer && answer.success === false && answer.error) throw errorFromResponse(400, answer, null);
    return answer;
  }
}

/** A running live scan. */
export class LiveScan {
  constructor(client, start, { onVitals, onStatus, onError }) {
    this.client = client;
    this.streamId = start.stream_id;
    this.sessionId = start.session_id;
    this.config = start.config ?? {};
    this._handlers = { onVitals, onStatus, onError };
    this._socket = null;
    this._recorder = null;
    this._stopped = null;
    this._sending = Promise.resolve();
    this.ended = new Promise(resolve => { this._resolveEnded = resolve; });
  }

  _connect(url, token) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = "arraybuffer";
      this._socket = socket;
      let subscribed = false;
      socket.onopen = () => socket.send(JSON.stringify({ type: "auth", token }));
      socket.onmessage = event => {
        const message = parseJson(event.data);
        if (!message) return;
        switch (message.type) {
          case "authenticated":
            socket.send(JSON.stringify({ type: "subscribe", topic: "vitals", session_id: this.sessionId }));
            break;
          case "subscribed":
            subscribed = true;
            resolve();
            break;
          case "vitals":
            this._handlers.onVitals?.(message);
            break;
          case "status":
            this._handlers.onStatus?.(message);
            break;
          case "completed":
          case "failed":
            this._resolveEnded(message);
            break;
          case "error": {
            const error = new RppgError(message.message || "The live connection refused a message",
              { code: message.code || "LIVE_ERROR" });
            if (!subscribed) reject(error); else this._handlers.onError?.(error);
            break;
          }
          default:
        }
      };
      socket.onerror = () => {
        if (!subscribed) reject(new ServiceError("The live connection could not be opened", { code: "NETWORK_ERROR" }));
      };
      socket.onclose = event => {
        if (!subscribed) {
          reject(new ServiceError("The live connection closed: " + (event.reason || event.code), { code: "NETWORK_ERROR" }));
        } else if (!this._stopped) {
          this._handlers.onError?.(new ServiceError("The live connection closed", { code: "NETWORK_ERROR" }));
        }
      };
    });
  }

  _record(mediaStream, timesliceMs, mimeType) {
    const recorder = new MediaRecorder(mediaStream, mimeType ? { mimeType } : undefined);
    this._recorder = recorder;
    // Each piece continues the one before (the first carries the container's header): none may be dropped or
    // overtaken, so the pieces are sent one after the other on a chain.
    recorder.ondataavailable = event => {
      if (event.data.size === 0) return;
      this._sending = this._sending.then(async () => {
        const bytes = await event.data.arrayBuffer();
        if (this._socket.readyState === WebSocket.OPEN) this._socket.send(bytes);
      }).catch(error => this._handlers.onError?.(new ServiceError("A piece of the recording could not be sent: "
        + error.message, { code: "NETWORK_ERROR" })));
    };
    recorder.start(timesliceMs);
  }

  /**
   * Stops recording, sends the last piece, stops the stream and resolves with the final result: `{status:
   * "completed", vitals}`; a failed scan rejects with a ScanFailedError.
   */
  stop() {
    if (!this._stopped) {
      this._stopped = (async () => {
        await this._stopRecorder();
        let result;
        try {
          result = await this.client._json("POST", "/v2/streams/" + encodeURIComponent(this.streamId) + "/stop");
        } finally {
          this._closeSocket();
        }
        this._resolveEnded(result);
        if (result.status === "failed") {
          throw new ScanFailedError(result.error || "The scan failed", { code: result.error_code || "SCAN_FAILED",
            details: result });
        }
        return result;
      })();
    }
    return this._stopped;
  }

  /** Stops recording and the stream and forgets the result. */
  cancel() {
    return this.stop().catch(() => {});
  }

  _stopRecorder() {
    const recorder = this._recorder;
    if (!recorder || recorder.state === "inactive") return this._sending;
    return new Promise(resolve => {
      // The last piece is handed over before "stop"; the chain then holds every send still under way.
      recorder.addEventListener("stop", () => resolve(this._sending), { once: true });
      recorder.stop();
    });
  }

  _closeSocket() {
    if (this._socket && this._socket.readyState <= WebSocket.OPEN) this._socket.close(1000, "scan stopped");
  }
}

/** The Nervoscan-compatible calls, for clients migrating from it: same paths, same bodies, same error codes. */
export class NervoscanApi {
  constructor(client) {
    this.client = client;
  }

  /** `/clientlogin`: keeps the tokens in the client as its login does. */
  async clientLogin(username, password) {
    const answer = await this.client._json("POST", "/clientlogin", { username, password }, { auth: false });
    this.client._keep(answer);
    return answer;
  }

  /** `/clientgeturl`: opens a job; resolves with `{url, jobId}` (the job id follows `?api_key=`). */
  async clientGetUrl(hostName = "www.nervoscan.com") {
    const answer = await this.client._json("POST", "/clientgeturl", { host_name: hostName });
    const marker = "?api_key=";
    return { ...answer, jobId: answer.url.slice(answer.url.indexOf(marker) + marker.length) };
  }

  /** `/submitscan`: uploads the recording of a job with its `data` part (`{uuid, meta_data}`). */
  async submitScan(jobId, file, metaData = {}) {
    const bearer = await this.client.credential();
    const form = new FormData();
    form.append("file", file, file.name || "recording.webm");
    form.append("data", JSON.stringify({ uuid: jobId, meta_data: metaData }));
    const response = await fetch(this.client.baseUrl + "/submitscan", { method: "POST",
      headers: { Authorization: "Bearer " + bearer }, body: form });
    const answer = parseJson(await response.text());
    // Nervoscan's clients check success, not the status.
    if (!response.ok || (answer && answer.success === false)) {
      throw errorFromResponse(response.ok ? 400 : response.status, answer, response.headers.get("Retry-After"));
    }
    return answer;
  }

  /** `/check`: `{job_status, ...}` of one job. */
  check(jobId) {
    return this.client._json("POST", "/check", { api_key: jobId });
  }

  /** `/getcustomerinfo` for some jobs: the results at `estimates[0][i].scan_details[0]`. */
  getCustomerInfo(jobIds) {
    return this.client._json("POST", "/getcustomerinfo", { mode: "selection", api_keys: jobIds });
  }
}

/** The `exp` of a JWT in epoch milliseconds (now when it cannot be read, so that it is refreshed at once). */
function tokenExpiry(jwt) {
  try {
    const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload)).exp * 1000;
  } catch {
    return Date.now();
  }
}

function parseJson(text) {
  if (typeof text !== "string" || text.length === 0) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The first container and codec this browser's MediaRecorder can write, WebM with VP8 first. */
export function pickMimeType() {
  if (typeof MediaRecorder === "undefined") return undefined;
  return ["video/webm;codecs=vp8", "video/webm;codecs=vp9", "video/webm", "video/mp4;codecs=avc1", "video/mp4"]
    .find(type => MediaRecorder.isTypeSupported(type));
}
