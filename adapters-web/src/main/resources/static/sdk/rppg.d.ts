// Types of the rPPG platform's JavaScript SDK (/sdk/rppg.js).

export interface ErrorInit {
  code?: string;
  status?: number;
  details?: unknown;
  retryAfter?: number | null;
  requestId?: string | null;
}

/** A refusal of the API, or a scan that failed; `code` is the API's error code. */
export class RppgError extends Error {
  constructor(message: string, init?: ErrorInit);
  readonly code: string;
  /** The HTTP status (0 when there was no answer). */
  readonly status: number;
  readonly details: unknown;
  /** Seconds to wait before trying again, when the API said (429, 503). */
  readonly retryAfter: number | null;
  readonly requestId: string | null;
}
export class AuthenticationError extends RppgError {}
export class PermissionError extends RppgError {}
export class QuotaError extends RppgError {}
export class RateLimitError extends RppgError {}
export class NotFoundError extends RppgError {}
export class InvalidRequestError extends RppgError {}
export class ScanFailedError extends RppgError {}
export class ServiceError extends RppgError {}

export function errorFromResponse(status: number, body: unknown, retryAfterHeader: string | null): RppgError;
export function pickMimeType(): string | undefined;

export interface HeartRatePoint { t: number; bpm: number; confidence: number; }

/** The v1 `vitals` report. Null figures have their reason in `unavailable`. */
export interface Vitals {
  heart_rate: number;
  respiratory_rate: number | null;
  hrv: number | null;
  blood_pressure: null;
  confidence: number;
  timestamp: string;
  processing_time_ms: number;
  signal_quality: { snr: number; stability: number | null; periodicity: number };
  hrv_detail: { sdnn_ms: number; rmssd_ms: number; beats: number } | null;
  spo2: null;
  method: string;
  analysed_seconds: number;
  frames_analysed: number;
  rhythm?: "regular" | "irregular" | "undetermined";
  heart_rate_series?: HeartRatePoint[];
  unavailable: Record<string, string>;
  /** With include=waveform: the pulse at 30 Hz, normalised to -1..1, and the beats counted (s from the start). */
  waveform?: Waveform | null;
  /** With include=spectrum: normalised power over the heart-rate band and the chosen peak. */
  spectrum?: Spectrum | null;
}

export interface Waveform { sample_rate_hz: number; values: number[]; beats_s: number[]; }
export interface Spectrum { bpm: number[]; power: number[]; peak_bpm: number; }

export interface SessionResult {
  status: "pending" | "processing" | "completed" | "failed" | "expired";
  session_id: string;
  vitals?: Vitals;
  error?: string;
  error_code?: string;
}

export interface SessionSummary {
  session_id: string;
  status: SessionResult["status"];
  created_at: string;
  expires_at: string;
  owner: string;
  completed_at: string | null;
  heart_rate: number | null;
  error: string | null;
}

export interface ScanProgress {
  phase: "uploading" | "processing" | "completed";
  /** 0..1 of the upload. */
  fraction: number;
  sessionId: string;
}

export type Include = "waveform" | "spectrum";

/** A `vitals` message of the live WebSocket: one a second once the first window is full. */
export interface LiveVitals {
  type: "vitals";
  session_id: string;
  timestamp: number;
  t: number;
  heart_rate: number;
  confidence: number;
  signal_quality: { snr: number };
  window_seconds: number;
  waveform: number[];
  waveform_rate: number;
  face?: { x: number; y: number; w: number; h: number };
}

/** A `status` message: why a window has no heart rate (`no_face`, `too_dark`, `hold_still`, ...). */
export interface LiveStatus {
  type: "status";
  session_id: string;
  timestamp: number;
  t: number;
  status: string;
  message: string;
}

export interface LiveScanOptions {
  onVitals?: (message: LiveVitals) => void;
  onStatus?: (message: LiveStatus) => void;
  onError?: (error: RppgError) => void;
  /** MediaRecorder timeslice; one piece is sent per slice. Default 1000. */
  timesliceMs?: number;
  mimeType?: string;
}

export class LiveScan {
  readonly streamId: string;
  readonly sessionId: string;
  readonly config: Record<string, unknown>;
  /** Resolves with the `completed` / `failed` message, or the stop's answer. */
  readonly ended: Promise<unknown>;
  /** Stops recording and the stream; resolves with `{session_id, status: "completed", vitals}`. */
  stop(): Promise<{ session_id: string; status: "completed"; vitals: Vitals }>;
  cancel(): Promise<void>;
}

export class NervoscanApi {
  clientLogin(username: string, password: string): Promise<{ success: true; access_token: string; refresh_token: string }>;
  clientGetUrl(hostName?: string): Promise<{ success: true; url: string; jobId: string }>;
  submitScan(jobId: string, file: Blob, metaData?: Record<string, unknown>): Promise<{ success: true }>;
  check(jobId: string): Promise<{ success: true; job_status: string }>;
  getCustomerInfo(jobIds: string[]): Promise<{ success: true; estimates: unknown[][] }>;
}

export interface ClientOptions {
  /** The platform's origin; empty for the page's own. */
  baseUrl?: string;
  apiKey?: string;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
}

export class RppgClient {
  constructor(options?: ClientOptions);
  readonly nervoscan: NervoscanApi;
  readonly isSignedIn: boolean;
  /** Called when a refresh fails and the tokens are forgotten. */
  onSignedOut: (() => void) | null;

  login(email: string, password: string): Promise<{ expiresIn: number }>;
  refresh(): Promise<void>;
  useApiKey(key: string): void;
  signOut(): void;
  credential(): Promise<string>;

  createSession(): Promise<{ session_id: string; created_at: string; owner: string }>;
  uploadVideo(sessionId: string, file: Blob, options?: { onProgress?: (fraction: number) => void; signal?: AbortSignal }):
    Promise<{ session_id: string; status: "processing"; message: string }>;
  getVitals(sessionId: string, options?: { include?: Include[] }): Promise<SessionResult>;
  listSessions(query?: { status?: string; cursor?: string; limit?: number }):
    Promise<{ sessions: SessionSummary[]; next_cursor: string | null }>;
  waitForResult(sessionId: string, options?: { include?: Include[]; signal?: AbortSignal;
    onPoll?: (result: SessionResult) => void }): Promise<SessionResult>;
  scanVideo(file: Blob, options?: { onProgress?: (progress: ScanProgress) => void; include?: Include[];
    signal?: AbortSignal }): Promise<SessionResult>;
  startLiveScan(mediaStream: MediaStream, options?: LiveScanOptions): Promise<LiveScan>;
}
