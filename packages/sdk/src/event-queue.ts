/** One serialized event waiting to be sent; `seq` orders events so `flush()` can tell when its own are done. */
export interface QueuedEvent {
  seq: number;
  json: string;
  bytes: number;
}

/** The ingest API's limits per request. */
export const MAX_BATCH_EVENTS = 1000;
export const MAX_BATCH_BYTES = 1024 * 1024;
/** The largest single event: alone in a JSON array it must still fit the request limit. */
export const MAX_EVENT_BYTES = MAX_BATCH_BYTES - 2;

/** A bounded FIFO of serialized events that makes room by dropping the oldest. */
export class EventQueue {
  private items: QueuedEvent[] = [];
  private head = 0;
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get length(): number {
    return this.items.length - this.head;
  }

  /** The sequence number of the oldest waiting event. */
  get firstSeq(): number | undefined {
    return this.items[this.head]?.seq;
  }

  /** Adds an event; when the queue is full, first removes the oldest one and returns it. */
  push(event: QueuedEvent): QueuedEvent | undefined {
    const evicted = this.length >= this.capacity ? this.shift() : undefined;
    this.items.push(event);
    return evicted;
  }

  /**
   * Removes the oldest events that fit one request: at most `maxCount`, and a JSON array of at most
   * `maxBytes`. Always takes at least one event when any wait (each fits alone, see MAX_EVENT_BYTES).
   */
  take(maxCount: number, maxBytes: number): QueuedEvent[] {
    const batch: QueuedEvent[] = [];
    let bytes = 2;
    while (batch.length < maxCount && this.length > 0) {
      const next = this.items[this.head] as QueuedEvent;
      const added = next.bytes + (batch.length > 0 ? 1 : 0);
      if (batch.length > 0 && bytes + added > maxBytes) break;
      bytes += added;
      batch.push(this.shift() as QueuedEvent);
    }
    return batch;
  }

  /** Empties the queue, returning the events it held. */
  clear(): QueuedEvent[] {
    const events = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return events;
  }

  private shift(): QueuedEvent | undefined {
    const event = this.items[this.head];
    if (event === undefined) return undefined;
    this.head++;
    // Compact now and then instead of Array#shift, which is O(n) on every call.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return event;
  }
}
