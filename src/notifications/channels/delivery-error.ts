/**
 * A channel failed to deliver. `retryable` tells the queue whether another attempt may succeed
 * (the receiver was down or busy) or cannot (it refused the message or the address for good).
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
