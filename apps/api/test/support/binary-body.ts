import type { Test } from 'supertest';

type BodyParser = Extract<Parameters<Test['parse']>[0], (res: never, callback: never) => void>;

/** A supertest parser that keeps the whole response body as one Buffer (xlsx downloads): `.buffer(true).parse(binaryBody)`. */
export const binaryBody: BodyParser = (response, callback) => {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};
