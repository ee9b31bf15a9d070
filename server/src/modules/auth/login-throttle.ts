import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { CounterStore } from '../../common/throttle/counter-store';

class TooManyAttemptsException extends HttpException {
  constructor(retryAfterSeconds: number, what: string) {
    super({ message: `Too many failed logins ${what}; retry in ${retryAfterSeconds} s`, details: { retryAfterSeconds } }, 429);
  }
}

/**
 * Counts failed logins per login and per client address in a fixed window. Past either limit every attempt is
 * refused with 429, even with the right password, until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: CounterStore,
  ) {}

  async assertAllowed(login: string, address: string): Promise<void> {
    const [byLogin, byAddress] = await Promise.all([this.counters.get(this.loginKey(login)), this.counters.get(this.addressKey(address))]);
    if (byLogin.count >= this.config.login.maxFailuresPerLogin) throw new TooManyAttemptsException(byLogin.ttlSeconds, 'for this login');
    if (byAddress.count >= this.config.login.maxFailuresPerAddress) throw new TooManyAttemptsException(byAddress.ttlSeconds, 'from this address');
  }

  async recordFailure(login: string, address: string): Promise<void> {
    const window = this.config.login.windowSeconds;
    await Promise.all([this.counters.increment(this.loginKey(login), window), this.counters.increment(this.addressKey(address), window)]);
  }

  async recordSuccess(login: string): Promise<void> {
    await this.counters.reset(this.loginKey(login));
  }

  private loginKey(login: string): string {
    return `login-failures:login:${login.toLowerCase()}`;
  }

  private addressKey(address: string): string {
    return `login-failures:address:${address}`;
  }
}
