// uCharts ships plain JavaScript; only what RingChart passes is typed.
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown> & { type: string; context: unknown; width: number; height: number });
  }
}
