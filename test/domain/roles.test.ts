import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIONS,
  type Action,
  assignableRoles,
  atLeast,
  can,
  canAssign,
  lowerRole,
  ROLES,
} from '../../src/domain/access/roles.ts';

describe('roles', () => {
  it('rank neighbour < volunteer < coordinator < admin', () => {
    assert.ok(atLeast('admin', 'coordinator'));
    assert.ok(atLeast('volunteer', 'volunteer'));
    assert.ok(!atLeast('neighbour', 'volunteer'));
    assert.ok(!atLeast(null, 'neighbour'), 'a non-member has no role');
  });

  it('every action is allowed from its minimum role upwards and refused below it', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      for (const role of ROLES) {
        assert.equal(can(role, action), atLeast(role, ACTIONS[action]), `${role} / ${action}`);
      }
      assert.equal(can(null, action), false);
    }
  });

  it('nobody hands out a role above their own, and only coordinators and admins hand out any', () => {
    for (const actor of ROLES) {
      for (const target of ROLES) {
        if (canAssign(actor, target)) assert.ok(atLeast(actor, target), `${actor} gives ${target}`);
      }
    }
    assert.deepEqual(assignableRoles('volunteer'), []);
    assert.deepEqual(assignableRoles('coordinator'), ['neighbour', 'volunteer']);
    assert.equal(canAssign('coordinator', 'coordinator'), false);
    assert.equal(canAssign('admin', 'admin'), true);
  });

  it('a token is never worth more than its owner', () => {
    for (const a of ROLES)
      for (const b of ROLES) {
        const low = lowerRole(a, b);
        assert.ok(atLeast(a, low) && atLeast(b, low));
        assert.ok(low === a || low === b);
      }
  });
});
