"use strict";
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WechatOauthToken = void 0;
var typeorm_1 = require("typeorm");
/** wechat-oauth's token store: shared by every api instance instead of each process's memory. */
var WechatOauthToken = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('wechat_oauth_tokens')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _openid_decorators;
    var _openid_initializers = [];
    var _openid_extraInitializers = [];
    var _tokenJson_decorators;
    var _tokenJson_initializers = [];
    var _tokenJson_extraInitializers = [];
    var _updatedAt_decorators;
    var _updatedAt_initializers = [];
    var _updatedAt_extraInitializers = [];
    var WechatOauthToken = _classThis = /** @class */ (function () {
        function WechatOauthToken_1() {
            this.openid = __runInitializers(this, _openid_initializers, void 0);
            this.tokenJson = (__runInitializers(this, _openid_extraInitializers), __runInitializers(this, _tokenJson_initializers, void 0));
            this.updatedAt = (__runInitializers(this, _tokenJson_extraInitializers), __runInitializers(this, _updatedAt_initializers, void 0));
            __runInitializers(this, _updatedAt_extraInitializers);
        }
        return WechatOauthToken_1;
    }());
    __setFunctionName(_classThis, "WechatOauthToken");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _openid_decorators = [(0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 64 })];
        _tokenJson_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _updatedAt_decorators = [(0, typeorm_1.UpdateDateColumn)()];
        __esDecorate(null, null, _openid_decorators, { kind: "field", name: "openid", static: false, private: false, access: { has: function (obj) { return "openid" in obj; }, get: function (obj) { return obj.openid; }, set: function (obj, value) { obj.openid = value; } }, metadata: _metadata }, _openid_initializers, _openid_extraInitializers);
        __esDecorate(null, null, _tokenJson_decorators, { kind: "field", name: "tokenJson", static: false, private: false, access: { has: function (obj) { return "tokenJson" in obj; }, get: function (obj) { return obj.tokenJson; }, set: function (obj, value) { obj.tokenJson = value; } }, metadata: _metadata }, _tokenJson_initializers, _tokenJson_extraInitializers);
        __esDecorate(null, null, _updatedAt_decorators, { kind: "field", name: "updatedAt", static: false, private: false, access: { has: function (obj) { return "updatedAt" in obj; }, get: function (obj) { return obj.updatedAt; }, set: function (obj, value) { obj.updatedAt = value; } }, metadata: _metadata }, _updatedAt_initializers, _updatedAt_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        WechatOauthToken = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return WechatOauthToken = _classThis;
}();
exports.WechatOauthToken = WechatOauthToken;
