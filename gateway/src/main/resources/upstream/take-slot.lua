-- Takes one of an upstream quota's slots, atomically across gateway replicas. A slot is held from the call's
-- admission until one window after its answer; until the answer its score is the latest it may come (now + hold).
-- KEYS[1]: the quota's sorted set of slots (member: call id, score: microseconds until which it is held, or at which
-- it was answered). ARGV: window and hold (microseconds), limit, this call's id. Time is the Redis server's.
-- Answers {1, 0} (taken) or {0, microseconds until the first slot frees, if it is answered already}.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000000 + tonumber(now[2])
local window = tonumber(ARGV[1])
local hold = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - window))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], string.format('%d', now + hold), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], math.ceil((hold + window) / 1000))
  return {1, 0}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(first[2]) + window - now}
