-- A call's answer came: its slot is held one window from now, no longer until its hold ran out.
-- KEYS[1]: the quota's sorted set of slots; ARGV[1]: the call's id.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000000 + tonumber(now[2])
redis.call('ZADD', KEYS[1], 'XX', string.format('%d', now), ARGV[1])
return 1
