/** Errors shaped like OfficeExtension.Error: a `code` the host can test, a message, where it failed. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { errorLocation?: string } = {},
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export const ErrorCodes = {
  propertyNotLoaded: 'PropertyNotLoaded',
  invalidArgument: 'InvalidArgument',
  itemNotFound: 'ItemNotFound',
  itemAlreadyExists: 'ItemAlreadyExists',
  accessDenied: 'AccessDenied',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  apiNotFound: 'ApiNotFound',
} as const;
