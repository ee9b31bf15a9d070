import { BadRequestException, type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates bodies, queries and params with class-validator: unknown fields are refused, and the 400 names
 * each field and what is wrong with it in `details`.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => {
        const details = flatten(errors);
        const message = `Invalid input: ${details.map((d) => d.problems.join(', ')).join('; ')}`;
        return new BadRequestException({ message, details });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject = metadata.metatype && !isPrimitiveType(metadata.metatype) && metadata.type !== 'custom';
    if (metadata.type === 'body' && expectsObject && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new BadRequestException({ message: 'The request body must be a JSON object' });
    }
    return super.transform(value, metadata);
  }
}

function isPrimitiveType(type: unknown): boolean {
  return [String, Boolean, Number, Array, Object].includes(type as never);
}

/** Validates and transforms a value as the API does a request body (for bodies read some other way, e.g. from a file). */
export function validateAsBody<T extends object>(metatype: new () => T, value: unknown): Promise<T> {
  return new StrictValidationPipe().transform(value, { type: 'body', metatype }) as Promise<T>;
}
