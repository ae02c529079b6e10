import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const contractSource = path.resolve(__dirname, '../../../libs/contract/src');
const apiClientSource = path.resolve(__dirname, '../../../libs/api-client/src');

/**
 * Where the weapp build sends its requests (the H5 build uses the same origin's `/api`, as the api
 * serves it at /m/). Set SZPM_API_BASE_URL for a release build, e.g. https://wy.example.gov.cn/api.
 */
const weappApiBase = process.env.SZPM_API_BASE_URL || 'http://127.0.0.1:3000/api';

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'szpm-miniprogram',
    date: '2026-11-26',
    // NutUI's stylesheets are drawn at 375 px; ours at 750 (Taro's default).
    designWidth(input) {
      const file = typeof input === 'object' && input ? input.file : undefined;
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      WEAPP_API_BASE_URL: JSON.stringify(weappApiBase),
    },
    alias: {
      '@szpm/contract': contractSource,
      '@szpm/api-client': apiClientSource,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [contractSource, apiClientSource] },
      optimizeMainPackage: { enable: true },
      // NutUI's per-component stylesheets are independent of one another
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/m/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [contractSource, apiClientSource] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
