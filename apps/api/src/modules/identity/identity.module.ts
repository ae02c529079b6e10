import { Module } from '@nestjs/common';

// TEMPORARY shell: the identity helper fills this module (chapter 1)
@Module({})
export class IdentityModule {}
