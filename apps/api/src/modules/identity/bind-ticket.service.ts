import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BIND_TICKET_TTL_SECONDS, IdentityErrorCode, WechatChannel } from '@szpm/contract';
import { IdentityException } from './identity.exception';

interface BindTicketPayload {
  typ: 'bind';
  /** the openid under the app named by `ch` */
  sub: string;
  ch: WechatChannel;
}

export interface BindTicket {
  openid: string;
  channel: WechatChannel;
}

/**
 * A WeChat identity that is not bound yet, carried between the WeChat login and the binding
 * steps as a short-lived signed token (`typ: 'bind'`, so it never passes as an access token).
 */
@Injectable()
export class BindTicketService {
  constructor(private readonly jwt: JwtService) {}

  issue(ticket: BindTicket): string {
    const payload: BindTicketPayload = { typ: 'bind', sub: ticket.openid, ch: ticket.channel };
    return this.jwt.sign(payload, { expiresIn: BIND_TICKET_TTL_SECONDS });
  }

  read(token: string): BindTicket {
    let payload: Partial<BindTicketPayload>;
    try {
      payload = this.jwt.verify<BindTicketPayload>(token);
    } catch {
      throw new IdentityException(IdentityErrorCode.BIND_TICKET_INVALID);
    }
    if (payload.typ !== 'bind' || typeof payload.sub !== 'string' || !payload.sub || (payload.ch !== 'oa' && payload.ch !== 'mini')) {
      throw new IdentityException(IdentityErrorCode.BIND_TICKET_INVALID);
    }
    return { openid: payload.sub, channel: payload.ch };
  }
}
