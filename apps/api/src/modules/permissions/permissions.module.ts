import { Module } from '@nestjs/common';

// TEMPORARY shell: filled by the permissions work (chapter 3)
@Module({})
export class PermissionsModule {}
