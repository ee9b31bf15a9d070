import { Injectable } from '@nestjs/common';
import type { PeriodicJob } from '@parc/sdk';
import { FilesService } from './files.service';

/** Periodic garbage collection of the file repository (expired uploads, unused files, orphan parts). */
@Injectable()
export class FilesGcJob implements PeriodicJob {
  constructor(private readonly files: FilesService) {}

  async run(): Promise<string> {
    const r = await this.files.collect();
    return `${r.uploadsExpired} uploads expired, ${r.filesDeleted} files and ${r.partsDeleted} parts deleted (${r.bytesFreed} bytes)`;
  }
}
