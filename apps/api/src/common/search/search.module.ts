import { Global, Module } from '@nestjs/common';
import { TextSearchIndex } from './text-search';

/** The n-gram text-search index, for every module that searches names. */
@Global()
@Module({ providers: [TextSearchIndex], exports: [TextSearchIndex] })
export class SearchModule {}
