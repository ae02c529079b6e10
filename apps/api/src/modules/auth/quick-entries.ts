import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { QUICK_ENTRIES, QuickEntry } from '@szpm/contract';
import { DoorRequirement, doorRefusal, doorRequirement } from '../../access/door';

/** The global prefix bootstrap.ts sets. */
const API_PREFIX = '/api';

const joinPath = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/**
 * The home's quick entries (功能快捷入口, chapter 2), each shown to exactly those its route's door
 * admits: the route's own @RequireRoles / @RequireGrant, checked by the guard's function. An entry
 * naming a route the API does not serve stops the start, so a renamed route cannot leave an entry
 * that leads nowhere.
 */
@Injectable()
export class QuickEntries implements OnApplicationBootstrap {
  private readonly doors = new Map<string, DoorRequirement>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const base = [this.reflector.get<string | string[] | undefined>(PATH_METADATA, controller) ?? ''].flat();
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const requirement = doorRequirement(this.reflector, [handler, controller]);
        for (const controllerPath of base) {
          for (const path of [this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler) ?? ''].flat()) {
            this.doors.set(`${RequestMethod[method]} ${joinPath(API_PREFIX, controllerPath, path)}`, requirement);
          }
        }
      }
    }
    const unserved = QUICK_ENTRIES.filter((e) => e.route !== null && !this.doors.has(e.route));
    if (unserved.length) throw new Error(`quick entries name routes the API does not serve: ${unserved.map((e) => e.route).join(', ')}`);
  }

  /** The entries the caller sees: 更多 (no module), and those whose route admits them. */
  of(caller: Parameters<typeof doorRefusal>[0]): QuickEntry[] {
    return QUICK_ENTRIES.filter((entry) => {
      if (entry.module === null) return true;
      const door = entry.route === null ? undefined : this.doors.get(entry.route);
      return door !== undefined && doorRefusal(caller, door) === null;
    });
  }
}
