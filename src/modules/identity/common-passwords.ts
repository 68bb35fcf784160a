/**
 * Passwords too common to accept (lower-cased): the top of the public leaked-password lists, with the
 * Chinese favourites (woaini1314, 5201314 …). Those shorter than the minimum length are refused anyway;
 * they stay for completeness when the minimum changes.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567', 'dragon', '123123',
  'baseball', 'abc123', 'football', 'monkey', 'letmein', '696969', 'shadow', 'master', '666666', 'qwertyuiop',
  '123321', 'mustang', '1234567890', 'michael', '654321', 'superman', '1qaz2wsx', '7777777', '121212', '000000',
  'qazwsx', '123qwe', 'killer', 'trustno1', 'jordan', 'jennifer', 'zxcvbnm', 'asdfgh', 'hunter', 'buster', 'soccer',
  'harley', 'batman', 'andrew', 'tigger', 'sunshine', 'iloveyou', '2000', 'charlie', 'robert', 'thomas', 'hockey',
  'ranger', 'daniel', 'starwars', 'klaster', '112233', 'george', 'computer', 'michelle', 'jessica', 'pepper', '1111',
  'zxcvbn', '555555', '11111111', '131313', 'freedom', '777777', 'pass', 'maggie', '159753', 'aaaaaa', 'ginger',
  'princess', 'joshua', 'cheese', 'amanda', 'summer', 'love', 'ashley', 'nicole', 'chelsea', 'biteme', 'matthew',
  'access', 'yankees', '987654321', 'dallas', 'austin', 'thunder', 'taylor', 'matrix', 'password1', 'password123',
  'admin', 'admin123', 'root', 'welcome', 'welcome1', 'qwerty123', '1q2w3e4r', '1q2w3e4r5t', '123abc', 'abcd1234',
  'a123456', 'a12345678', 'aa123456', 'woaini', 'woaini1314', 'woaini520', '5201314', '1314520', '520520', 'wangyang',
  'zhang123', 'li123456', '88888888', '66666666', '99999999', '12341234', '11223344', '147258369', '123654', '789456',
  '456789', 'qq123456', 'asd123', 'asdasd', '123456a', '123456aa', '1234qwer', 'q1w2e3r4', 'zxc123', 'woshishui',
  'iloveyou1', 'sunshine1', 'princess1', 'football1', 'monkey123', 'dragon123', 'abc12345', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'qwe123', 'zaq12wsx', '88888888a', '00000000', '12121212', '123123123', '159357', '741852963',
  'asdfghjkl', '1qazxsw2', 'onestop', 'onestop123', 'zhengwu', '12345678a',
]);
