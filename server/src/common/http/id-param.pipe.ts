import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** Path ids: positive 32-bit integers, or a 400 that says so. */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
      throw new BadRequestException({ message: `Id must be a positive integer (got '${value}')` });
    }
    return id;
  }
}
